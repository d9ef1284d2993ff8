/**
 * Saves an object's graphs to pool.gui_config, key by key (graph-layout.ts), after
 * recording any data source the person picked that the RRD does not keep yet (as
 * XenCenter's SaveDataSourceStateAction does). The mirror's copy of the pool may lag
 * a save just made, so the keys to change are worked out from a fresh
 * pool.get_gui_config. The new layout shows when the pool's event arrives.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dataSourcesKey } from '../../queries/performance/use-data-sources';
import { getConnection } from '../../store/connections';
import { useMirror } from '../../store/mirror-store';
import type { Ref } from '../../xapi/model/types';
import { type DesignedGraph, type GraphedObject, layoutChanges } from './graph-layout';

export interface LayoutSave {
  graphs: readonly DesignedGraph[];
  /** Data sources to start recording first. */
  record?: readonly string[];
}

function usePoolRef(poolId: string): string | undefined {
  return useMirror((state) => Object.keys(state.pools[poolId]?.objects.pool ?? {})[0]);
}

export function useSaveLayout(poolId: string, cls: 'VM' | 'host', objectRef: string, object: GraphedObject) {
  const queryClient = useQueryClient();
  const poolRef = usePoolRef(poolId) as Ref<'pool'> | undefined;
  return useMutation({
    mutationFn: async ({ graphs, record = [] }: LayoutSave) => {
      if (!poolRef) throw new Error(`the pool ${poolId} has not loaded`);
      const connection = getConnection(poolId);
      for (const source of record) {
        if (cls === 'VM') await connection.call('VM.record_data_source', objectRef as Ref<'VM'>, source);
        else await connection.call('host.record_data_source', objectRef as Ref<'host'>, source);
      }
      const { remove, add } = layoutChanges(await connection.call('pool.get_gui_config', poolRef), object, graphs);
      await Promise.all(remove.map((key) => connection.call('pool.remove_from_gui_config', poolRef, key)));
      await Promise.all(add.map(([key, value]) => connection.call('pool.add_to_gui_config', poolRef, key, value)));
    },
    onSuccess: (_, { record = [] }) => {
      if (record.length > 0) void queryClient.invalidateQueries({ queryKey: dataSourcesKey(cls, objectRef) });
    },
  });
}
