/**
 * Objects are addressed in URLs by UUID (refs change between sessions) but the mirror
 * is keyed by ref. The index of a class table is built once per version of the table:
 * a batch that touches the class replaces the table, and with it the index.
 */
import type { XapiClass } from '../xapi/model/types';
import { type ClassTable, useMirror } from './mirror-store';

const indexes = new WeakMap<ClassTable, ReadonlyMap<string, string>>();

export function uuidIndex(table: ClassTable): ReadonlyMap<string, string> {
  let index = indexes.get(table);
  if (!index) {
    index = new Map(Object.entries(table).map(([ref, record]) => [(record as { uuid: string }).uuid, ref]));
    indexes.set(table, index);
  }
  return index;
}

/**
 * The ref of the object with this UUID: a string once found, null when the class has
 * loaded and no object has it, undefined while the class is still loading.
 */
export function useRefByUuid(poolId: string, cls: XapiClass, uuid: string): string | null | undefined {
  return useMirror((state) => {
    const table = state.pools[poolId]?.objects[cls];
    return table ? (uuidIndex(table).get(uuid) ?? null) : undefined;
  });
}
