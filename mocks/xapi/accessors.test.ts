import { beforeEach, describe, expect, it } from 'vitest';
import type { Row } from '../sim/db';
import { createSimulator } from '../sim/scenarios/index';
import type { Simulator } from '../sim/simulator';
import { call, callError, login } from './testing';

let sim: Simulator;
let session: string;
let vm: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
  [vm] = await call<string[]>(sim, 'VM.get_by_name_label', session, 'web-01');
});

describe('generic accessors', () => {
  it('returns every datamodel field in get_record', async () => {
    const row = await call<Row>(sim, 'VM.get_record', session, vm);
    const fields = sim.db.schema.classes.get('VM')!.fields.map((f) => f.name);
    expect(Object.keys(row.record).sort()).toEqual([...fields].sort());
  });

  it('finds objects by uuid and refuses unknown ones with UUID_INVALID', async () => {
    const uuid = sim.db.get<{ uuid: string }>('VM', vm).uuid;
    expect(await call(sim, 'VM.get_by_uuid', session, uuid)).toBe(vm);
    expect(await callError(sim, 'VM.get_by_uuid', session, 'not-a-uuid')).toEqual(['UUID_INVALID', 'VM', 'not-a-uuid']);
  });

  it('refuses a ref of another class with HANDLE_INVALID', async () => {
    const [host] = await call<string[]>(sim, 'host.get_all', session);
    expect(await callError(sim, 'VM.get_name_label', session, host)).toEqual(['HANDLE_INVALID', 'VM', host]);
  });

  it('sets RW fields and has no setter for read-only ones', async () => {
    await call(sim, 'VM.set_name_description', session, vm, 'front end');
    expect(await call(sim, 'VM.get_name_description', session, vm)).toBe('front end');
    expect(await callError(sim, 'VM.set_power_state', session, vm, 'Halted')).toEqual([
      'MESSAGE_METHOD_UNKNOWN',
      'VM.set_power_state',
    ]);
  });

  it('never stores a value through a setter whose rules are not modelled', async () => {
    const before = sim.db.get<{ HVM_shadow_multiplier: number }>('VM', vm).HVM_shadow_multiplier;
    expect(await callError(sim, 'VM.set_HVM_shadow_multiplier', session, vm, 0.5)).toEqual([
      'NOT_IMPLEMENTED',
      'VM.set_HVM_shadow_multiplier',
    ]);
    expect(sim.db.get<{ HVM_shadow_multiplier: number }>('VM', vm).HVM_shadow_multiplier).toBe(before);
  });

  it('refuses to store a ref to an object that does not exist', async () => {
    const [pool] = await call<string[]>(sim, 'pool.get_all', session);
    const before = sim.db.get<{ default_SR: string }>('pool', pool).default_SR;
    expect(await callError(sim, 'pool.set_default_SR', session, pool, 'OpaqueRef:gone')).toEqual([
      'HANDLE_INVALID',
      'SR',
      'OpaqueRef:gone',
    ]);
    expect(sim.db.get<{ default_SR: string }>('pool', pool).default_SR).toBe(before);
    await call(sim, 'pool.set_default_SR', session, pool, 'OpaqueRef:NULL');
    expect(sim.db.get<{ default_SR: string }>('pool', pool).default_SR).toBe('OpaqueRef:NULL');
  });

  it('adds to maps once and removes quietly', async () => {
    await call(sim, 'VM.add_to_other_config', session, vm, 'owner', 'ops');
    expect(await callError(sim, 'VM.add_to_other_config', session, vm, 'owner', 'dev')).toEqual([
      'MAP_DUPLICATE_KEY',
      'VM',
      'other_config',
      vm,
      'owner',
    ]);
    await call(sim, 'VM.remove_from_other_config', session, vm, 'owner');
    await call(sim, 'VM.remove_from_other_config', session, vm, 'owner');
    expect(sim.db.get<{ other_config: Record<string, string> }>('VM', vm).other_config.owner).toBeUndefined();
  });

  it('keeps sets free of duplicates', async () => {
    await call(sim, 'VM.add_tags', session, vm, 'blue');
    await call(sim, 'VM.add_tags', session, vm, 'blue');
    expect(sim.db.get<{ tags: string[] }>('VM', vm).tags.filter((t) => t === 'blue')).toHaveLength(1);
    await call(sim, 'VM.remove_tags', session, vm, 'blue');
    expect(sim.db.get<{ tags: string[] }>('VM', vm).tags).not.toContain('blue');
  });

  it('filters with get_all_records_where', async () => {
    const running = await call<Map<string, Row>>(
      sim,
      'VM.get_all_records_where',
      session,
      'field "power_state" = "Running" and field "is_control_domain" = "false"',
    );
    expect(running.size).toBeGreaterThan(3);
    for (const row of running.values()) expect(row.record.power_state).toBe('Running');
    expect((await callError(sim, 'VM.get_all_records_where', session, 'field = ='))[0]).toBe('INVALID_VALUE');
  });

  it('keeps reverse relations when objects are created and destroyed', async () => {
    const network = await call<string>(sim, 'network.create', session, {
      name_label: 'n',
      name_description: '',
      MTU: 1500,
      other_config: {},
    });
    const vif = await call<string>(sim, 'VIF.create', session, {
      device: '5',
      network,
      VM: vm,
      MAC: '',
      MTU: 1500,
      other_config: {},
      qos_algorithm_type: '',
      qos_algorithm_params: {},
    });
    expect(sim.db.get<{ VIFs: string[] }>('network', network).VIFs).toEqual([vif]);
    expect(sim.db.get<{ VIFs: string[] }>('VM', vm).VIFs).toContain(vif);
  });
});

describe('implicit constructors and destructors', () => {
  it('refuses to point a new object at a missing one', async () => {
    expect(
      await callError(sim, 'VIF.create', session, {
        device: '7',
        network: 'OpaqueRef:gone',
        VM: vm,
        MAC: '',
        MTU: 1500,
        other_config: {},
        qos_algorithm_type: '',
        qos_algorithm_params: {},
      }),
    ).toEqual(['HANDLE_INVALID', 'network', 'OpaqueRef:gone']);
  });

  it('refuses to destroy a network that still has PIFs', async () => {
    const [network] = await call<string[]>(sim, 'network.get_by_name_label', session, 'DMZ (VLAN 100)');
    const pifs = sim.db.get<{ PIFs: string[] }>('network', network).PIFs;
    expect(await callError(sim, 'network.destroy', session, network)).toEqual([
      'NETWORK_CONTAINS_PIF',
      pifs.join(', '),
    ]);
    expect(sim.db.has('network', network)).toBe(true);
  });
});
