/**
 * What a key press means in the tree, after the WAI-ARIA tree pattern for a
 * multi-select tree: arrows move (and select, so the page follows as in XenCenter),
 * Shift extends the selection, Ctrl moves focus alone, Right and Left open, close
 * and climb, Enter opens the object, Space toggles it in the selection, and the
 * Menu key or Shift+F10 opens the context menu. Pure, so it is tested as a table.
 */
import type { TreeRow } from './flatten-tree';

export type TreeCommand =
  /** Focus a row; replace the selection with it, extend the selection to it, or leave the selection. */
  | { kind: 'focus'; key: string; selection: 'replace' | 'extend' | 'keep' }
  | { kind: 'expand'; key: string }
  | { kind: 'collapse'; key: string }
  | { kind: 'open'; key: string }
  | { kind: 'toggle'; key: string }
  | { kind: 'menu'; key: string }
  | { kind: 'select-all' };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

function moveTo(row: TreeRow | undefined, press: KeyPress): TreeCommand | undefined {
  if (!row) return undefined;
  const selection = press.shiftKey ? 'extend' : press.ctrlKey || press.metaKey ? 'keep' : 'replace';
  return { kind: 'focus', key: row.key, selection };
}

export function treeCommand(
  rows: readonly TreeRow[],
  focusedKey: string | null,
  press: KeyPress,
): TreeCommand | undefined {
  if (rows.length === 0) return undefined;
  const index = rows.findIndex((row) => row.key === focusedKey);
  // Nothing focused yet (or the focused row was filtered away): any move starts at the top.
  if (index < 0)
    return ['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(press.key) ? moveTo(rows[0], press) : undefined;
  const row = rows[index];
  const command = press.ctrlKey || press.metaKey;
  switch (press.key) {
    case 'ArrowDown':
      return moveTo(rows[index + 1], press);
    case 'ArrowUp':
      return moveTo(rows[index - 1], press);
    case 'Home':
      return moveTo(rows[0], press);
    case 'End':
      return moveTo(rows[rows.length - 1], press);
    case 'ArrowRight':
      if (row.expandable && !row.expanded) return { kind: 'expand', key: row.key };
      return row.expanded ? moveTo(rows[index + 1], press) : undefined;
    case 'ArrowLeft':
      if (row.expanded) return { kind: 'collapse', key: row.key };
      return row.parentKey
        ? moveTo(
            rows.find((r) => r.key === row.parentKey),
            press,
          )
        : undefined;
    case 'Enter':
      return { kind: 'open', key: row.key };
    case ' ':
      return { kind: 'toggle', key: row.key };
    case 'ContextMenu':
      return { kind: 'menu', key: row.key };
    case 'F10':
      return press.shiftKey ? { kind: 'menu', key: row.key } : undefined;
    case 'a':
    case 'A':
      return command ? { kind: 'select-all' } : undefined;
    default:
      return undefined;
  }
}

/** Type-ahead: the next row after `fromKey` whose name starts with what was typed, wrapping around. */
export function rowByPrefix(rows: readonly TreeRow[], fromKey: string | null, typed: string): TreeRow | undefined {
  const prefix = typed.toLowerCase();
  const start = rows.findIndex((row) => row.key === fromKey);
  // A single letter typed again moves on to the next match; a longer prefix may stay on the current one.
  const offset = typed.length === 1 ? 1 : 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[(start + offset + i + rows.length) % rows.length];
    if (row.name.toLowerCase().startsWith(prefix)) return row;
  }
  return undefined;
}
