/**
 * VM.get_data_sources / host.get_data_sources: every source the object's RRD could
 * hold, recorded (`enabled`) or not, with its units. Asked once per visit to the
 * object's graphs, and again after a record_data_source adds one.
 */
import { useQuery } from '@tanstack/react-query';
import { getConnection } from '../../store/connections';
import type { Ref, XapiRecord } from '../../xapi/model/types';
import { xapiQueryKey } from '../xapi-query-key';

export type GraphedClass = 'VM' | 'host';

export const dataSourcesKey = (cls: GraphedClass, ref: string) => xapiQueryKey(`${cls}.get_data_sources`, ref);

export function useDataSources(poolId: string, cls: GraphedClass, ref: string, enabled = true) {
  return useQuery({
    queryKey: dataSourcesKey(cls, ref),
    enabled,
    queryFn: (): Promise<XapiRecord<'data_source'>[]> =>
      cls === 'VM'
        ? getConnection(poolId).call('VM.get_data_sources', ref as Ref<'VM'>)
        : getConnection(poolId).call('host.get_data_sources', ref as Ref<'host'>),
  });
}
