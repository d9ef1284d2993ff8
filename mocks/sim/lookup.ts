/** Finding objects by name_label, for tests and tools that drive a scenario by its names. */
import type { Simulator } from './simulator';

export function named(sim: Simulator, cls: 'VM' | 'host' | 'SR' | 'network', name: string): string {
  const ref = sim.db.refs(cls).find((r) => sim.db.get<{ name_label: string }>(cls, r).name_label === name);
  if (!ref) throw new Error(`no ${cls} named ${name}`);
  return ref;
}
