/**
 * The simulator for Vitest: the handlers behind msw's setupServer, so `fetch` in a
 * test reaches a simulator in the same process, on virtual time the test advances.
 * Use one per test file; setupServer patches the process's fetch and http modules.
 */
import { type SetupServer, setupServer } from 'msw/node';
import { createConsoleHandler, createHandlers } from './handlers';
import { createSimulator, type ScenarioName } from './sim/scenarios/index';
import type { Simulator } from './sim/simulator';

/** jsdom's page URL, so client code that fetches relative paths reaches the handlers too. */
export const DEFAULT_BASE_URL = 'http://localhost:3000';

export interface TestSimulatorOptions {
  scenario?: ScenarioName;
  seed?: number;
  /** The origin the handlers answer on. */
  baseUrl?: string;
  /**
   * A path the endpoints sit under, as in the browser ('/sim/demo'), so code that
   * connects the way the app does (connectPool, relative URLs in jsdom) reaches them.
   */
  prefix?: string;
}

export interface TestSimulator {
  /** The simulator currently answering. */
  readonly sim: Simulator;
  readonly baseUrl: string;
  readonly server: SetupServer;
  /** Builds a fresh simulator from the same scenario and seed, e.g. in beforeEach. */
  reset(): Simulator;
  stop(): void;
}

export function startTestSimulator(options: TestSimulatorOptions = {}): TestSimulator {
  const build = () => createSimulator({ scenario: options.scenario, seed: options.seed });
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  let sim = build();
  const where = { origin: baseUrl, prefix: options.prefix };
  const server = setupServer(
    ...createHandlers(() => sim, where),
    createConsoleHandler(() => sim, where),
  );
  // A request nothing answers is a test bug (or an endpoint not built yet): fail loudly.
  server.listen({ onUnhandledRequest: 'error' });
  return {
    get sim() {
      return sim;
    },
    baseUrl,
    server,
    reset() {
      sim = build();
      return sim;
    },
    stop: () => server.close(),
  };
}
