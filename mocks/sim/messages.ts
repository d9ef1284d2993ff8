/**
 * Pool alerts (the `message` class). Priority 1 is the most severe, 5 informational.
 * What raises them: vm-alerts.ts (VM operations) and host-alarms.ts (perfmon).
 */
import type { Simulator } from './simulator';
import { xapiDatetime } from './time';

export type MessageClass = 'VM' | 'Host' | 'SR' | 'Pool' | 'VDI';

export function raiseMessage(
  sim: Simulator,
  name: string,
  priority: number,
  cls: MessageClass,
  objUuid: string,
  body: string,
): string {
  return sim.db.create('message', {
    name,
    priority,
    cls,
    obj_uuid: objUuid,
    timestamp: xapiDatetime(sim.clock.now()),
    body,
  });
}
