/**
 * The simulators inside the page: msw's service worker answers XAPI calls under
 * /sim/<scenario>/ (so the console can connect to `demo` and `large` at once, each a
 * pool of its own), and each simulator's virtual clock follows wall time. A scenario
 * is built on its first request. src/main.tsx loads this on demand, only when a
 * simulator is the target.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import { createSimulator, SCENARIOS, type ScenarioName } from './sim/scenarios/index';
import type { Simulator } from './sim/simulator';

export interface BrowserSimulatorOptions {
  /** Virtual milliseconds per real millisecond. */
  speed?: number;
  seed?: number;
}

/** Where a scenario's endpoints live: POST <this>/jsonrpc. */
export const simulatorPath = (scenario: ScenarioName) => `/sim/${scenario}`;

let started: Promise<void> | undefined;

/** Starts the worker once; later calls share the first. */
export function startSimulators({ speed = 1, seed }: BrowserSimulatorOptions = {}): Promise<void> {
  started ??= (async () => {
    const sims = new Map<ScenarioName, Simulator>();
    const simFor = (scenario: ScenarioName) => () => {
      let sim = sims.get(scenario);
      if (!sim) {
        sim = createSimulator({ scenario, seed });
        sim.clock.startRealTime(speed);
        sims.set(scenario, sim);
      }
      return sim;
    };
    const handlers = (Object.keys(SCENARIOS) as ScenarioName[]).flatMap((scenario) =>
      createHandlers(simFor(scenario), { prefix: simulatorPath(scenario) }),
    );
    // Everything the handlers do not claim (the app's own files, other origins) goes to the network.
    await setupWorker(...handlers).start({ onUnhandledRequest: 'bypass', quiet: true });
  })();
  return started;
}
