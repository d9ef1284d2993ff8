import { beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../../sim/db';
import { createSimulator } from '../../sim/scenarios/index';
import type { Simulator } from '../../sim/simulator';
import { call, callError, login } from '../testing';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

describe('message', () => {
  it('creates, lists by object and time, and destroys alerts', async () => {
    const [vm] = await call<string[]>(sim, 'VM.get_by_name_label', session, 'web-01');
    const uuid = sim.db.get<{ uuid: string }>('VM', vm).uuid;
    sim.clock.advance(1_000);
    const ref = await call<string>(sim, 'message.create', session, 'CUSTOM', 4, 'VM', uuid, 'hello');
    const record = (await call<Row>(sim, 'message.get_record', session, ref)).record;
    expect(record).toMatchObject({ name: 'CUSTOM', priority: 4, cls: 'VM', obj_uuid: uuid, body: 'hello' });
    expect([
      ...(await call<Map<string, Row>>(sim, 'message.get', session, 'VM', uuid, '2026-01-01T00:00:00Z')).keys(),
    ]).toEqual([ref]);
    expect((await call<Map<string, Row>>(sim, 'message.get_since', session, record.timestamp as string)).size).toBe(0);
    expect(await callError(sim, 'message.get_since', session, 'yesterday')).toEqual([
      'INVALID_VALUE',
      'since',
      'yesterday',
    ]);
    await call(sim, 'message.destroy', session, ref);
    expect(sim.db.has('message', ref)).toBe(false);
  });
});
