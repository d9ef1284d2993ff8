/**
 * What xapi does for every VM and host when it starts (dbsync and the resync with
 * xenopsd): a VM without a domain is reset the way force_state_reset leaves it (not
 * resident anywhere, domid -1), and allowed_operations is computed for everything.
 * Scenarios call this once their pool is built.
 */
import { NULL_REF } from './db';
import { updateHostAllowedOperations } from './host-operations';
import type { Simulator } from './simulator';
import { updateVmAllowedOperations } from './vm-operations';

export function syncAtStartup(sim: Simulator): void {
  const db = sim.db;
  for (const row of db.rows('VM')) {
    if (row.record.power_state === 'Halted' || row.record.power_state === 'Suspended') {
      db.update('VM', row.ref, { resident_on: NULL_REF, scheduled_to_be_resident_on: NULL_REF, domid: -1 });
    }
  }
  for (const vm of db.refs('VM')) updateVmAllowedOperations(db, vm);
  for (const host of db.refs('host')) updateHostAllowedOperations(db, host);
}
