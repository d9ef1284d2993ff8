/** Named scenarios, selectable wherever the simulator starts. */
import { settleBalloons, startBalancer } from '../memory-balancer';
import type { Simulator, SimulatorOptions } from '../simulator';
import { Simulator as SimulatorClass } from '../simulator';
import { syncAtStartup } from '../startup-sync';
import { buildDemo } from './demo';
import { buildLarge } from './large';

export const SCENARIOS = { demo: buildDemo, large: buildLarge } as const;
export type ScenarioName = keyof typeof SCENARIOS;

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}

export function createSimulator(options: SimulatorOptions & { scenario?: ScenarioName } = {}): Simulator {
  const sim = new SimulatorClass(options);
  sim.db.bulkLoad(() => {
    SCENARIOS[options.scenario ?? 'demo'](sim);
    syncAtStartup(sim);
    settleBalloons(sim);
  });
  startBalancer(sim);
  return sim;
}
