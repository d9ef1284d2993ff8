/**
 * The messages message_forwarding.ml raises after VM operations, with xen-api's names
 * and priorities (ocaml/xapi-consts/api_messages.ml) and its wording of the body.
 */
import { raiseMessage } from './messages';
import type { Simulator } from './simulator';

export type VmAlert =
  | 'VM_STARTED'
  | 'VM_SHUTDOWN'
  | 'VM_REBOOTED'
  | 'VM_SUSPENDED'
  | 'VM_RESUMED'
  | 'VM_PAUSED'
  | 'VM_UNPAUSED'
  | 'VM_MIGRATED'
  | 'VM_SNAPSHOTTED'
  | 'VM_CHECKPOINTED'
  | 'VM_SNAPSHOT_REVERTED';

/** Every one of these is informational: priority 5. */
const PRIORITY = 5;

/** "VM 'name' (uuid: …)" or "host: name (uuid: …)", as the bodies name objects. */
export function nameOf(sim: Simulator, cls: 'VM' | 'host', ref: string): string {
  const { name_label, uuid } = sim.db.get<{ name_label: string; uuid: string }>(cls, ref);
  return cls === 'VM' ? `VM '${name_label}' (uuid: ${uuid})` : `${name_label} (uuid: ${uuid})`;
}

export function vmAlert(sim: Simulator, alert: VmAlert, vm: string, body: string): void {
  if (!sim.db.has('VM', vm)) return;
  const { uuid } = sim.db.get<{ uuid: string }>('VM', vm);
  raiseMessage(sim, alert, PRIORITY, 'VM', uuid, body);
}
