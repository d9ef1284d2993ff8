/**
 * The simulator inside the page: msw's service worker answers the app's XAPI calls
 * from the handlers, and the virtual clock follows wall time. src/main.tsx imports
 * this on demand, before the first render, only when the simulator is the target.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import { createSimulator, type ScenarioName } from './sim/scenarios/index';
import type { Simulator } from './sim/simulator';

export interface BrowserSimulatorOptions {
  scenario?: ScenarioName;
  /** Virtual milliseconds per real millisecond. */
  speed?: number;
  seed?: number;
}

export async function startSimulator({ scenario, speed = 1, seed }: BrowserSimulatorOptions = {}): Promise<Simulator> {
  const sim = createSimulator({ scenario, seed });
  const worker = setupWorker(...createHandlers(() => sim));
  // Everything the handlers do not claim (the app's own files, other origins) goes to the network.
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  sim.clock.startRealTime(speed);
  return sim;
}
