/**
 * The memory alarm perfmon raises on a host (xen-api's scripts/perfmon): an `ALARM`
 * message on the host when `memory_free_kib` falls below its trigger level. Real pools
 * only alarm where an administrator configured a level; the simulator alarms below 5 %
 * of the host's memory so the notifications view has something true to show.
 */
import { hostFreeMemory } from './memory';
import { raiseMessage } from './messages';
import type { Simulator } from './simulator';
import { KiB } from './units';

const TRIGGER_FRACTION = 0.05;
/** perfmon's priority for alarms. */
const ALARM_PRIORITY = 3;

/** Hosts currently below their level, so one fall raises one alarm, not one per start. */
const belowLevel = new WeakMap<Simulator, Set<string>>();

export function checkHostMemoryAlarm(sim: Simulator, host: string): void {
  // A scenario's starting state is not news: alarms come from what happens after.
  if (sim.db.bulkLoading) return;
  const { uuid, metrics } = sim.db.get<{ uuid: string; metrics: string }>('host', host);
  const totalBytes = sim.db.get<{ memory_total: number }>('host_metrics', metrics).memory_total;
  const freeKiB = Math.floor(hostFreeMemory(sim.db, host) / KiB);
  const levelKiB = Math.floor((totalBytes * TRIGGER_FRACTION) / KiB);
  const hosts = belowLevel.get(sim) ?? new Set<string>();
  belowLevel.set(sim, hosts);
  if (freeKiB >= levelKiB) {
    hosts.delete(host);
    return;
  }
  if (hosts.has(host)) return;
  hosts.add(host);
  const body = `value: ${freeKiB}\nconfig:\n<variable>\n\t<name value="memory_free_kib"/>\n\t<alarm_trigger_level value="${levelKiB}"/>\n</variable>\n`;
  raiseMessage(sim, 'ALARM', ALARM_PRIORITY, 'Host', uuid, body);
}
