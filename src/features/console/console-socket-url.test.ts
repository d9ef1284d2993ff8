// @vitest-environment jsdom
/**
 * Where the page opens a console's socket on a "real" pool reached through the bundled
 * proxy (/pool/<address>): the simulator answers there as in connections.test.ts.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../mocks/handlers';
import { DEFAULT_BASE_URL } from '../../../mocks/node';
import { createSimulator } from '../../../mocks/sim/scenarios/index';
import type { Simulator } from '../../../mocks/sim/simulator';
import {
  connectPool,
  disconnectPool,
  getConnection,
  type PoolTarget,
  SIMULATOR_CREDENTIALS,
} from '../../store/connections';
import { useMirror } from '../../store/mirror-store';
import { consoleSocketUrlFor } from './console-socket-url';

let sim: Simulator;
const server = setupServer(...createHandlers(() => sim, { origin: DEFAULT_BASE_URL, prefix: '/pool/pool.test' }));
const realPool: PoolTarget = { kind: 'pool', address: 'pool.test' };
let poolId: string;

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());
beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  localStorage.clear();
  poolId = await connectPool(realPool, SIMULATOR_CREDENTIALS);
  for (let i = 0; i < 200 && !useMirror.getState().pools[poolId]?.objects.host; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
});
afterEach(() => disconnectPool(poolId));

/** The mirror's host addresses, master first. */
function addresses(): { master: string; member: string } {
  const objects = useMirror.getState().pools[poolId].objects;
  const masterRef = Object.values(objects.pool!)[0].master;
  const hosts = Object.entries(objects.host!);
  return {
    master: objects.host![masterRef].address,
    member: hosts.find(([ref]) => ref !== masterRef)![1].address,
  };
}

describe('consoleSocketUrlFor', () => {
  it('opens a console on the master where the pool was reached, and one on a member through the proxy to it', async () => {
    const { master, member } = addresses();
    const session = getConnection(poolId).session;
    expect(await consoleSocketUrlFor(poolId, `https://${master}/console?uuid=c1`)).toBe(
      `ws://localhost:3000/pool/pool.test/console?uuid=c1&session_id=${encodeURIComponent(session!)}`,
    );
    expect(await consoleSocketUrlFor(poolId, `https://${member}/console?uuid=c2`)).toBe(
      `ws://localhost:3000/pool/${member}/console?uuid=c2&session_id=${encodeURIComponent(session!)}`,
    );
  });

  it('reads an IPv6 member from its brackets, as host.address holds it', async () => {
    const session = getConnection(poolId).session;
    expect(await consoleSocketUrlFor(poolId, 'https://[fd00::12]/console?uuid=c3')).toBe(
      `ws://localhost:3000/pool/${encodeURIComponent('fd00::12')}/console?uuid=c3&session_id=${encodeURIComponent(session!)}`,
    );
  });
});
