/** VMs by power state, counted once per version of the VM table (selectors run on every event batch). */
import type { ClassTable } from '../../store/mirror-store';
import type { XapiEnum } from '../../xapi/model/types';

export const POWER_STATES: readonly XapiEnum<'vm_power_state'>[] = ['Running', 'Paused', 'Suspended', 'Halted'];

const NONE: readonly number[] = POWER_STATES.map(() => 0);
const countsByTable = new WeakMap<ClassTable<'VM'>, WeakMap<readonly string[], readonly number[]>>();

/** How many of `refs` are in each of POWER_STATES, once per version of the table. */
export function powerStateCounts(table: ClassTable<'VM'> | undefined, refs: readonly string[]): readonly number[] {
  // The same array each time: a selector must not answer a new one for the same state.
  if (!table) return NONE;
  let cache = countsByTable.get(table);
  if (!cache) {
    cache = new WeakMap();
    countsByTable.set(table, cache);
  }
  let counts = cache.get(refs);
  if (!counts) {
    const tally = POWER_STATES.map(() => 0);
    for (const ref of refs) {
      const at = POWER_STATES.indexOf(table[ref]?.power_state);
      if (at >= 0) tally[at]++;
    }
    counts = tally;
    cache.set(refs, counts);
  }
  return counts;
}
