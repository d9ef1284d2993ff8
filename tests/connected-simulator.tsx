/**
 * A jsdom test file's pool: the in-process simulator (mocks/node.ts) reached the way the
 * app reaches it (connectPool, relative URLs under /sim/<scenario>), fresh and connected
 * for every test and running on wall time. It lives here, not in src/, because src/ may
 * not import mocks/ (tests/architecture.test.ts); test files in src/ import it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, type RenderResult, render, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startTestSimulator } from '../mocks/node';
import type { ScenarioName } from '../mocks/sim/scenarios/index';
import type { Simulator } from '../mocks/sim/simulator';
import { initI18n } from '../src/app/i18n';
import {
  baseUrlFor,
  connectPool,
  disconnectPool,
  type PoolTarget,
  poolIdFor,
  SIMULATOR_CREDENTIALS,
} from '../src/store/connections';
import { useMirror } from '../src/store/mirror-store';
import type { XapiClass } from '../src/xapi/model/types';

export interface ConnectedSimulatorOptions {
  scenario: ScenarioName;
  /**
   * Virtual seconds per wall second while a test runs. Twenty by default: a VM starts or
   * shuts down in well under a second, as tests waiting on the event stream need.
   */
  clockSpeed?: number;
}

export interface ConnectedSimulator {
  /** The simulator answering this test: a fresh one from the scenario before each test. */
  readonly sim: Simulator;
  /** The id the app gives the pool; the same for every test, so it can be read at once. */
  readonly poolId: string;
  /** Takes the clock off wall time, for a test that then advances it step by step. */
  stopClock(): void;
  /** Resolves once the mirror holds a class's records, for views that need them on first render. */
  mirrorHolds(cls: XapiClass): Promise<void>;
}

/** Registers the file's hooks: call it once at the top level of a jsdom test file. */
export function connectToSimulator({ scenario, clockSpeed = 20 }: ConnectedSimulatorOptions): ConnectedSimulator {
  const target: PoolTarget = { kind: 'simulator', scenario };
  const poolId = poolIdFor(target);
  const simulator = startTestSimulator({ scenario, prefix: baseUrlFor(target) });
  let stopClock: () => void;

  beforeAll(() => {
    initI18n();
    installJsdomStandIns();
  });

  beforeEach(async () => {
    simulator.reset();
    stopClock = simulator.sim.clock.startRealTime(clockSpeed);
    const connected = await connectPool(target, SIMULATOR_CREDENTIALS);
    // poolId was handed out before connecting; only a redirect to a master could change it.
    if (connected !== poolId) throw new Error(`connectPool named the pool ${connected}, not ${poolId}`);
  });

  afterEach(async () => {
    cleanup();
    await disconnectPool(poolId);
    stopClock();
  });

  afterAll(() => simulator.stop());

  return {
    get sim() {
      return simulator.sim;
    },
    poolId,
    stopClock: () => stopClock(),
    async mirrorHolds(cls) {
      await waitFor(() => expect(useMirror.getState().pools[poolId]?.objects[cls]).toBeDefined());
    },
  };
}

/**
 * Renders under a QueryClient of its own, as the app's providers would, that does not
 * retry: a failed call shows at once instead of after the retries' back-off.
 */
export function renderWithQueryClient(ui: ReactElement): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

/**
 * What jsdom lacks and the views use: ResizeObserver (graphs and bars watch their width)
 * and <dialog>'s modal methods, which open and close it as a browser would.
 */
function installJsdomStandIns() {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
}
