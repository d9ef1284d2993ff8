/** The graphs an object shows: those saved in pool.gui_config, else its defaults. */
import { useMemo } from 'react';
import { useMirror } from '../../store/mirror-store';
import type { RrdUpdates } from '../../xapi/rrd-updates';
import { defaultGraphs } from './default-graphs';
import { type DesignedGraph, type GraphedObject, readLayout } from './graph-layout';
import { columnsOf } from './graph-series';

export interface GraphLayout {
  graphs: readonly DesignedGraph[];
  /** False while the defaults show. */
  saved: boolean;
}

const NO_CONFIG: Readonly<Record<string, string>> = {};

/** The pool's gui_config (a pool has exactly one pool object). */
export function usePoolGuiConfig(poolId: string): Readonly<Record<string, string>> {
  return useMirror((state) => {
    const pools = state.pools[poolId]?.objects.pool;
    return (pools && Object.values(pools)[0]?.gui_config) ?? NO_CONFIG;
  });
}

export function useGraphLayout(poolId: string, object: GraphedObject, updates: RrdUpdates | undefined): GraphLayout {
  const guiConfig = usePoolGuiConfig(poolId);
  // The defaults follow the sources the reply holds, which rarely change from one poll
  // to the next: as text, so the graphs stay the same objects (and are not redrawn) until they do.
  const names = useMemo(() => (updates ? [...columnsOf(updates, object).keys()].join() : undefined), [updates, object]);
  return useMemo(() => {
    const saved = readLayout(guiConfig, object);
    if (saved) return { graphs: saved, saved: true };
    return { graphs: names === undefined ? [] : defaultGraphs(object.kind, names.split(',')), saved: false };
  }, [guiConfig, object, names]);
}
