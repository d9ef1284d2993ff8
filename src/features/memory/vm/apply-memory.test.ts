// @vitest-environment jsdom
/** Memory changes sent as the editors send them, against the simulator. */
import { describe, expect, it } from 'vitest';
import { named } from '../../../../mocks/sim/lookup';
import { connectToSimulator } from '../../../../tests/connected-simulator';
import { getConnection } from '../../../store/connections';
import type { Ref, XapiRecord } from '../../../xapi/model/types';
import { XapiError } from '../../../xapi/xapi-error';
import { applyMemoryChange } from './apply-memory';

const GiB = 1024 * 1024 * 1024;
const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

const vm = (name: string) => named(simulator.sim, 'VM', name) as Ref<'VM'>;

describe('applyMemoryChange', () => {
  it('reports a dynamic minimum the host cannot reserve in bytes, though XAPI sends KiB on that path', async () => {
    const host = simulator.sim.db.get<XapiRecord<'VM'>>('VM', vm('db-replica')).resident_on;
    const freeBytes = await getConnection(poolId).call('host.compute_free_memory', host);
    const limits = { staticMin: 1 * GiB, dynamicMin: 32 * GiB, dynamicMax: 32 * GiB, staticMax: 32 * GiB };
    // Another guest takes most of what is free first.
    await getConnection(poolId).call('VM.set_memory_dynamic_range', vm('win-sql01'), 16 * GiB, 16 * GiB);
    const left = freeBytes - 8 * GiB;
    const failure = await applyMemoryChange(poolId, vm('db-replica'), { kind: 'dynamic', limits }).catch(
      (error: unknown) => error,
    );
    expect(failure).toEqual(
      new XapiError('HOST_NOT_ENOUGH_FREE_MEMORY', [String(24 * GiB), String(Math.trunc(left / 1024) * 1024)]),
    );
  });

  it('restarts a running VM on its host with new limits, and starts it again when they are refused', async () => {
    const record = () => simulator.sim.db.get<XapiRecord<'VM'>>('VM', vm('web-01'));
    const host = record().resident_on;
    // Dynamic maximum above static maximum: set_memory_limits refuses it.
    const refused = { staticMin: 512 * 1024 * 1024, dynamicMin: 1 * GiB, dynamicMax: 8 * GiB, staticMax: 6 * GiB };
    const failure = await applyMemoryChange(poolId, vm('web-01'), {
      kind: 'restart',
      limits: refused,
      host,
      cleanly: true,
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'MEMORY_CONSTRAINT_VIOLATION_ORDER' });
    expect(record().power_state).toBe('Running');
    expect(record().resident_on).toBe(host);
    expect(record().memory_static_max).toBe(4 * GiB);
  });
});
