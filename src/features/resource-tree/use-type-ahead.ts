/**
 * Type-ahead in the tree: letters typed within half a second of each other form a
 * prefix, and the next row whose name starts with it is chosen.
 */
import { type KeyboardEvent, useRef } from 'react';
import type { TreeRow } from './flatten-tree';
import { rowByPrefix } from './tree-keys';

const PAUSE_MS = 500;

export function useTypeAhead(
  rows: readonly TreeRow[],
  focusedKey: string | null,
  choose: (row: TreeRow) => void,
): (event: KeyboardEvent) => boolean {
  const typed = useRef({ text: '', at: 0 });
  return (event) => {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.key === ' ') return false;
    const now = event.timeStamp;
    const text = now - typed.current.at < PAUSE_MS ? typed.current.text + event.key : event.key;
    typed.current = { text, at: now };
    const row = rowByPrefix(rows, focusedKey, text);
    if (row) choose(row);
    return true;
  };
}
