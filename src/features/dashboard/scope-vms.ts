/**
 * The VMs a dashboard covers, worked out once per version of the VM table: selectors
 * run on every event batch, and a big pool's table holds thousands of VMs.
 */
import type { ClassTable } from '../../store/mirror-store';
import { NULL_REF } from '../../xapi/refs';

const byTable = new WeakMap<ClassTable<'VM'>, Map<string, readonly string[]>>();
const NONE: readonly string[] = [];

/** VMs proper (no templates, snapshots or control domains): all of them, or those running on (or bound to) a host. */
export function scopeVms(table: ClassTable<'VM'> | undefined, hostRef: string | undefined): readonly string[] {
  if (!table) return NONE;
  let cache = byTable.get(table);
  if (!cache) {
    cache = new Map();
    byTable.set(table, cache);
  }
  const key = hostRef ?? '';
  let refs = cache.get(key);
  if (!refs) {
    refs = Object.entries(table)
      .filter(([, vm]) => !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain)
      .filter(
        ([, vm]) =>
          hostRef === undefined ||
          vm.resident_on === hostRef ||
          (vm.resident_on === NULL_REF && vm.affinity === hostRef),
      )
      .map(([ref]) => ref);
    cache.set(key, refs);
  }
  return refs;
}
