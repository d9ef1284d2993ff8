import { describe, expect, it } from 'vitest';
import { flattenTree, type TreeRow } from './flatten-tree';
import { fixture } from './tree-fixture';
import { type KeyPress, rowByPrefix, treeCommand } from './tree-keys';
import { buildPoolTree } from './tree-model';

const rows = flattenTree([buildPoolTree(fixture, { showTemplates: false, showSnapshots: true })], {}, '');
const keyOf = (name: string) => rows.find((r: TreeRow) => r.name === name)!.key;
const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});
const on = (name: string, key: string, modifiers?: Partial<KeyPress>) =>
  treeCommand(rows, keyOf(name), press(key, modifiers));

describe('treeCommand', () => {
  it('moves and selects with the arrows, Home and End', () => {
    expect(on('host-2', 'ArrowDown')).toEqual({ kind: 'focus', key: keyOf('DB'), selection: 'replace' });
    expect(on('host-2', 'ArrowUp')).toEqual({ kind: 'focus', key: keyOf('Demo pool'), selection: 'replace' });
    expect(on('DB', 'End')).toEqual({ kind: 'focus', key: keyOf('Pool-wide network'), selection: 'replace' });
    expect(on('DB', 'Home')).toEqual({ kind: 'focus', key: keyOf('Demo pool'), selection: 'replace' });
    expect(on('Demo pool', 'ArrowUp')).toBeUndefined();
  });

  it('extends the selection with Shift and moves focus alone with Ctrl', () => {
    expect(on('DB', 'ArrowDown', { shiftKey: true })).toMatchObject({ key: keyOf('web-01'), selection: 'extend' });
    expect(on('DB', 'ArrowDown', { ctrlKey: true })).toMatchObject({ key: keyOf('web-01'), selection: 'keep' });
  });

  it('opens a closed node with Right, then moves into it', () => {
    expect(on('web-01', 'ArrowRight')).toEqual({ kind: 'expand', key: keyOf('web-01') });
    expect(on('host-2', 'ArrowRight')).toMatchObject({ kind: 'focus', key: keyOf('DB') });
    expect(on('backup', 'ArrowRight')).toBeUndefined();
  });

  it('closes an open node with Left, or climbs to the parent', () => {
    expect(on('host-2', 'ArrowLeft')).toEqual({ kind: 'collapse', key: keyOf('host-2') });
    expect(on('DB', 'ArrowLeft')).toMatchObject({ kind: 'focus', key: keyOf('host-2'), selection: 'replace' });
    expect(on('Demo pool', 'ArrowLeft')).toEqual({ kind: 'collapse', key: keyOf('Demo pool') });
  });

  it('opens with Enter, toggles with Space, and opens the menu with the Menu key or Shift+F10', () => {
    expect(on('DB', 'Enter')).toEqual({ kind: 'open', key: keyOf('DB') });
    expect(on('DB', ' ')).toEqual({ kind: 'toggle', key: keyOf('DB') });
    expect(on('DB', 'ContextMenu')).toEqual({ kind: 'menu', key: keyOf('DB') });
    expect(on('DB', 'F10', { shiftKey: true })).toEqual({ kind: 'menu', key: keyOf('DB') });
    expect(on('DB', 'F10')).toBeUndefined();
    expect(on('DB', 'a', { ctrlKey: true })).toEqual({ kind: 'select-all' });
  });

  it('starts at the top when nothing has focus', () => {
    expect(treeCommand(rows, null, press('ArrowDown'))).toMatchObject({ key: keyOf('Demo pool') });
    expect(treeCommand(rows, null, press('Enter'))).toBeUndefined();
  });
});

describe('rowByPrefix', () => {
  it('finds the next row starting with the letters typed, wrapping around', () => {
    expect(rowByPrefix(rows, keyOf('Demo pool'), 'h')?.name).toBe('host-2');
    expect(rowByPrefix(rows, keyOf('host-2'), 'h')?.name).toBe('host-10');
    expect(rowByPrefix(rows, keyOf('host-10'), 'h')?.name).toBe('host-2');
    expect(rowByPrefix(rows, keyOf('host-2'), 'host-1')?.name).toBe('host-10');
    expect(rowByPrefix(rows, keyOf('host-2'), 'zz')).toBeUndefined();
  });
});
