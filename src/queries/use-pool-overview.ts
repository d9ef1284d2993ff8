import { useQuery } from '@tanstack/react-query';
import type { XapiRecord } from '../xapi/model/types';
import { defaultSession } from './xapi-client';

export interface PoolOverview {
  pool: XapiRecord<'pool'>;
  hosts: (XapiRecord<'host'> & { memoryTotal: number; ref: string })[];
  guestsByPowerState: Record<string, number>;
  templates: number;
}

/** One-shot summary of the pool from get_all_records; live updates come with the event loop. */
export function usePoolOverview() {
  return useQuery({
    queryKey: ['xapi', 'pool.get_all_records'],
    queryFn: async (): Promise<PoolOverview> => {
      const session = await defaultSession();
      const [pools, hosts, metrics, vms] = await Promise.all([
        session.call('pool.get_all_records'),
        session.call('host.get_all_records'),
        session.call('host_metrics.get_all_records'),
        session.call('VM.get_all_records'),
      ]);
      const guestsByPowerState: Record<string, number> = {};
      let templates = 0;
      for (const vm of Object.values(vms)) {
        if (vm.is_a_template) templates++;
        else if (!vm.is_control_domain && !vm.is_a_snapshot) {
          guestsByPowerState[vm.power_state] = (guestsByPowerState[vm.power_state] ?? 0) + 1;
        }
      }
      return {
        pool: Object.values(pools)[0],
        hosts: Object.entries(hosts).map(([ref, h]) => ({
          ...h,
          ref,
          memoryTotal: metrics[h.metrics]?.memory_total ?? 0,
        })),
        guestsByPowerState,
        templates,
      };
    },
  });
}
