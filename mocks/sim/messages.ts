/**
 * Pool alerts (the `message` class): what XAPI raises on its own, with the names and
 * priorities of xen-api's ocaml/xapi-consts/api_messages.ml. Priority 1 is the most
 * severe, 5 informational.
 */
import type { Simulator } from './simulator';
import { xapiDatetime } from './time';

export type MessageClass = 'VM' | 'Host' | 'SR' | 'Pool' | 'VDI';

export const ALERTS = {
  VM_STARTED: 5,
  VM_SHUTDOWN: 5,
  VM_REBOOTED: 5,
  VM_SUSPENDED: 5,
  VM_RESUMED: 5,
  VM_CLONED: 5,
  VM_SNAPSHOTTED: 5,
  VM_MIGRATED: 5,
  HOST_MEMORY_LOW: 3,
  ALARM: 3,
} as const;

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

/** Raises one of the alerts above about a VM. */
export function raiseVmAlert(sim: Simulator, alert: keyof typeof ALERTS, vm: string, body: string): void {
  const { uuid } = sim.db.get<{ uuid: string }>('VM', vm);
  raiseMessage(sim, alert, ALERTS[alert], 'VM', uuid, body);
}
