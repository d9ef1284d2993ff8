/**
 * The normalised mirror of every connected pool: pool id → class → ref → record,
 * filled by get_all_records and kept current by event.from batches, one store update
 * per batch. A batch replaces only the records it names, so components that select
 * one record re-render only when that record changes.
 */
import { create } from 'zustand';
import type { MirrorStatus } from '../xapi/event-loop';
import { XAPI_CLASSES, type XapiClass, type XapiEvent, type XapiRecord } from '../xapi/model/types';
import { withEvents, withTable } from './lazy-tables';

export { changedRefs } from './lazy-tables';

/** disconnected: known from an earlier visit, but its session ended and it needs a login. */
export type PoolStatus = 'connecting' | 'disconnected' | MirrorStatus;

export type ClassTable<C extends XapiClass = XapiClass> = Readonly<Record<string, XapiRecord<C>>>;

export interface PoolMirror {
  id: string;
  /** What the person connected to: "Simulator (demo)" or the address typed. */
  label: string;
  status: PoolStatus;
  /** The last connection error, in the words XapiError/TransportError gave. */
  error?: unknown;
  objects: { readonly [C in XapiClass]?: ClassTable<C> };
}

interface MirrorState {
  pools: Readonly<Record<string, PoolMirror>>;
  /** Pool ids in the order they were connected: the tree's roots. */
  order: readonly string[];
}

export const useMirror = create<MirrorState>()(() => ({ pools: {}, order: [] }));

const canonical = new Map<string, XapiClass>(XAPI_CLASSES.map((c) => [c.toLowerCase(), c]));

function updatePool(id: string, change: (pool: PoolMirror) => PoolMirror) {
  useMirror.setState((state) => {
    const pool = state.pools[id];
    return pool ? { pools: { ...state.pools, [id]: change(pool) } } : state;
  });
}

export const mirror = {
  addPool(id: string, label: string) {
    useMirror.setState((state) => ({
      pools: { ...state.pools, [id]: { id, label, status: 'connecting', objects: {} } },
      order: state.order.includes(id) ? state.order : [...state.order, id],
    }));
  },

  has(id: string): boolean {
    return id in useMirror.getState().pools;
  },

  removePool(id: string) {
    useMirror.setState((state) => {
      const { [id]: _removed, ...pools } = state.pools;
      return { pools, order: state.order.filter((p) => p !== id) };
    });
  },

  /** Keeps the pool in the tree, without objects that would only go stale. */
  markDisconnected(id: string, error?: unknown) {
    updatePool(id, (pool) => ({ ...pool, status: 'disconnected', error, objects: {} }));
  },

  setStatus(id: string, status: PoolStatus, error?: unknown) {
    updatePool(id, (pool) => ({ ...pool, status, error }));
  },

  loadClass(id: string, cls: XapiClass, records: Record<string, unknown>) {
    updatePool(id, (pool) => ({ ...pool, objects: withTable(pool.objects, cls, records) }));
  },

  /** Applies one event.from batch in a single store update. */
  applyEvents(id: string, events: readonly XapiEvent[]) {
    updatePool(id, (pool) => {
      const objects = withEvents(pool.objects, events, (eventClass) => canonical.get(eventClass));
      return objects === pool.objects ? pool : { ...pool, objects };
    });
  },
};

/** One record, or undefined while it loads or after it is deleted. */
export function useRecord<C extends XapiClass>(poolId: string, cls: C, ref: string): XapiRecord<C> | undefined {
  return useMirror((state) => state.pools[poolId]?.objects[cls]?.[ref] as XapiRecord<C> | undefined);
}

/** A whole class table (stable until a batch touches that class). */
export function useTable<C extends XapiClass>(poolId: string, cls: C): ClassTable<C> | undefined {
  return useMirror((state) => state.pools[poolId]?.objects[cls] as ClassTable<C> | undefined);
}

export function usePool(poolId: string): PoolMirror | undefined {
  return useMirror((state) => state.pools[poolId]);
}
