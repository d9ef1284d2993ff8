// @vitest-environment jsdom
/**
 * Connecting, resuming after a reload and signing out, against the simulator behind
 * msw: the same simulator answers as the built-in one (/sim/demo) and as a "real"
 * pool reached through the proxy path (/pool/pool.test).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/handlers';
import { DEFAULT_BASE_URL } from '../../mocks/node';
import { createSimulator } from '../../mocks/sim/scenarios/index';
import type { Simulator } from '../../mocks/sim/simulator';
import {
  connectPool,
  disconnectPool,
  hostBaseUrl,
  type PoolTarget,
  poolIdFor,
  restoreSavedPools,
  resumePool,
  SIMULATOR_CREDENTIALS,
} from './connections';
import { useMirror } from './mirror-store';
import { savedSession, savedTargets } from './saved-pools';

let sim: Simulator;
const server = setupServer(
  ...createHandlers(() => sim, { origin: DEFAULT_BASE_URL, prefix: '/sim/demo' }),
  ...createHandlers(() => sim, { origin: DEFAULT_BASE_URL, prefix: '/pool/pool.test' }),
);

const simulator: PoolTarget = { kind: 'simulator', scenario: 'demo' };
const realPool: PoolTarget = { kind: 'pool', address: 'pool.test' };

const statusOf = (id: string) => useMirror.getState().pools[id]?.status;

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

/** A session the simulator no longer knows: what a kept ref is after the server restarted. */
async function endedSession(): Promise<string> {
  const session = sim.sessions.login(SIMULATOR_CREDENTIALS.user, SIMULATOR_CREDENTIALS.password);
  sim.sessions.logout(session);
  return session;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim = createSimulator({ scenario: 'demo' });
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(async () => {
  for (const id of useMirror.getState().order) await disconnectPool(id);
});

describe('connectPool', () => {
  it('mirrors the pool and keeps the target (without the password) and the session for a reload', async () => {
    const id = await connectPool(simulator, SIMULATOR_CREDENTIALS);
    await until(() => statusOf(id) === 'live');
    expect(Object.keys(useMirror.getState().pools[id].objects.host ?? {})).toHaveLength(3);
    expect(savedTargets()).toEqual([simulator]);
    expect(localStorage.getItem('xenith.pools')).not.toContain(SIMULATOR_CREDENTIALS.password);
    expect(savedSession(id)).toMatch(/^OpaqueRef:/);
  });

  it('fails on a wrong password and keeps nothing', async () => {
    await expect(connectPool(simulator, { user: 'root', password: 'wrong' })).rejects.toMatchObject({
      code: 'SESSION_AUTHENTICATION_FAILED',
    });
    expect(useMirror.getState().order).toEqual([]);
    expect(localStorage.getItem('xenith.pools')).toBeNull();
  });
});

describe('resumePool', () => {
  it('carries on with a session that still lives, without logging in again', async () => {
    const session = sim.sessions.login(SIMULATOR_CREDENTIALS.user, SIMULATOR_CREDENTIALS.password);
    const id = await resumePool(realPool, session);
    await until(() => statusOf(id) === 'live');
    expect(savedSession(id)).toBe(session);
  });

  it('logs in to the simulator again when the kept session has ended', async () => {
    const session = await endedSession();
    const id = await resumePool(simulator, session);
    await until(() => statusOf(id) === 'live');
    expect(savedSession(id)).toMatch(/^OpaqueRef:/);
    expect(savedSession(id)).not.toBe(session);
  });

  it('shows a real pool whose session ended as disconnected, with no objects and no session kept', async () => {
    const id = await resumePool(realPool, await endedSession());
    expect(statusOf(id)).toBe('disconnected');
    expect(useMirror.getState().pools[id].objects).toEqual({});
    expect(savedSession(id)).toBeUndefined();
  });
});

describe('disconnectPool', () => {
  it('removes the pool from the tree and from the pools restored next time', async () => {
    const id = await connectPool(simulator, SIMULATOR_CREDENTIALS);
    await disconnectPool(id);
    expect(useMirror.getState().order).toEqual([]);
    expect(savedTargets()).toEqual([]);
    expect(savedSession(id)).toBeUndefined();
  });
});

describe('hostBaseUrl', () => {
  it("asks a real pool's members at their own address and its master where the pool was reached", async () => {
    const id = await connectPool(realPool, SIMULATOR_CREDENTIALS);
    expect(hostBaseUrl(id, '10.0.0.12')).toBe('/pool/10.0.0.12');
    expect(hostBaseUrl(id)).toBe('/pool/pool.test');
  });

  it('asks the simulator at its own address for every host', async () => {
    const id = await connectPool(simulator, SIMULATOR_CREDENTIALS);
    expect(hostBaseUrl(id, '192.0.2.12')).toBe('/sim/demo');
  });
});

describe('restoreSavedPools', () => {
  it('brings back only the pool asked for, as a console window does', async () => {
    localStorage.setItem('xenith.pools', JSON.stringify([realPool, simulator]));
    let simulatorStarts = 0;
    await restoreSavedPools(async () => {
      simulatorStarts++;
    }, poolIdFor(realPool));
    expect(useMirror.getState().order).toEqual([poolIdFor(realPool)]);
    expect(simulatorStarts).toBe(0);
  });
});

describe('a first visit', () => {
  it('brings back the demo simulator until the person keeps or drops pools of their own', () => {
    localStorage.clear();
    expect(savedTargets()).toEqual([{ kind: 'simulator', scenario: 'demo' }]);
    localStorage.setItem('xenith.pools', '[]');
    expect(savedTargets()).toEqual([]);
  });
});
