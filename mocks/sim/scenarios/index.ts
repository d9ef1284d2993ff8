/** Named scenarios, selectable wherever the simulator starts. */
import { startPerformanceRecording } from '../performance/recorder';
import type { Simulator, SimulatorOptions } from '../simulator';
import { Simulator as SimulatorClass } from '../simulator';
import { syncAtStartup } from '../startup-sync';
import { buildDemo } from './demo';
import { buildLarge } from './large';
import type { ScenarioName } from './names';

export { isScenarioName, SCENARIO_NAMES, type ScenarioName } from './names';

const SCENARIOS: Record<ScenarioName, (sim: Simulator) => void> = { demo: buildDemo, large: buildLarge };

export function createSimulator(options: SimulatorOptions & { scenario?: ScenarioName } = {}): Simulator {
  const sim = new SimulatorClass(options);
  sim.db.bulkLoad(() => {
    SCENARIOS[options.scenario ?? 'demo'](sim);
    syncAtStartup(sim);
  });
  // The state the scenario starts in is taken to have held for the past year.
  startPerformanceRecording(sim);
  return sim;
}
