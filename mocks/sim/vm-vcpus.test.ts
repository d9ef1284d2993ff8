/** vCPU counts on the demo pool: VCPUs_max while halted, VCPUs_at_startup at any time, hotplug live. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { call, callError, login } from '../xapi/testing';
import { guestKernelEvents } from './guest-log';
import { named } from './lookup';
import { hostFreeMemory, type MemoryFields, vmMemoryOverhead } from './memory';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

const vm = (name: string) => named(sim, 'VM', name);
const rec = (ref: string) => sim.db.get<XapiRecord<'VM'>>('VM', ref);
const vcpusNow = (ref: string) => sim.db.get<XapiRecord<'VM_metrics'>>('VM_metrics', rec(ref).metrics).VCPUs_number;
const dom0 = () => sim.db.get<XapiRecord<'host'>>('host', named(sim, 'host', 'xcp-host-01')).control_domain;

const LIVE_RULE = 'VCPU values must satisfy: 0 < VCPUs ≤ VCPUs_max';
const STARTUP_RULE = 'VCPU values must satisfy: 0 < VCPUs_at_startup ≤ VCPUs_max';

describe('VM.set_VCPUs_number_live', () => {
  it('plugs vCPUs into a running guest and unplugs them, the guest noticing each', async () => {
    const web = vm('web-01');
    expect(vcpusNow(web)).toBe(2);
    await call(sim, 'VM.set_VCPUs_number_live', session, web, 4);
    expect(vcpusNow(web)).toBe(4);
    expect(rec(web).VCPUs_at_startup).toBe(4);
    await call(sim, 'VM.set_VCPUs_number_live', session, web, 1);
    expect(vcpusNow(web)).toBe(1);
    expect(guestKernelEvents(sim, web).map((e) => ('cpu' in e ? `${e.kind} ${e.cpu}` : e.kind))).toEqual([
      'vcpu-online 2',
      'vcpu-online 3',
      'vcpu-offline 3',
      'vcpu-offline 2',
      'vcpu-offline 1',
    ]);
  });

  it('refuses a count outside 1..VCPUs_max, naming VCPUs_max as xenopsd does', async () => {
    const web = vm('web-01');
    for (const count of [0, 5, -1]) {
      expect(await callError(sim, 'VM.set_VCPUs_number_live', session, web, count)).toEqual([
        'INVALID_VALUE',
        LIVE_RULE,
        '4',
      ]);
    }
    expect(vcpusNow(web)).toBe(2);
  });

  it('needs a running guest with its tools and the Live_set_vcpus licence', async () => {
    const halted = vm('test-ubuntu');
    expect(await callError(sim, 'VM.set_VCPUs_number_live', session, halted, 1)).toEqual([
      'VM_BAD_POWER_STATE',
      halted,
      'running',
      'halted',
    ]);
    const erp = vm('legacy-erp');
    expect(await callError(sim, 'VM.set_VCPUs_number_live', session, erp, 1)).toEqual(['VM_LACKS_FEATURE', erp]);
    const pool = sim.pool();
    const { restrictions } = sim.db.get<XapiRecord<'pool'>>('pool', pool);
    sim.db.update('pool', pool, { restrictions: { ...restrictions, restrict_set_vcpus_number_live: 'true' } });
    expect(await callError(sim, 'VM.set_VCPUs_number_live', session, vm('web-01'), 3)).toEqual([
      'LICENCE_RESTRICTION',
      'Live_set_vcpus',
    ]);
  });

  it('is not offered to a control domain', async () => {
    expect(await callError(sim, 'VM.set_VCPUs_number_live', session, dom0(), 1)).toEqual([
      'OPERATION_NOT_ALLOWED',
      'This operation is not allowed on a control domain',
    ]);
  });
});

describe('VM.set_VCPUs_max', () => {
  it('changes a halted VM and recomputes its overhead, which XAPI counts when it runs', async () => {
    const ref = vm('test-ubuntu');
    const before = rec(ref).memory_overhead;
    await call(sim, 'VM.set_VCPUs_max', session, ref, 8);
    expect(rec(ref).VCPUs_max).toBe(8);
    expect(rec(ref).memory_overhead).toBe(vmMemoryOverhead(sim.db.get<MemoryFields>('VM', ref)));
    expect(rec(ref).memory_overhead).toBeGreaterThan(before);
    const host = named(sim, 'host', 'xcp-host-03');
    const free = hostFreeMemory(sim.db, host);
    await call(sim, 'VM.start_on', session, ref, host, false, false);
    expect(hostFreeMemory(sim.db, host)).toBe(free - rec(ref).memory_dynamic_min - rec(ref).memory_overhead);
  });

  it('needs at least one vCPU and no fewer than VCPUs_at_startup', async () => {
    const ref = vm('test-ubuntu');
    for (const value of [0, 1]) {
      expect(await callError(sim, 'VM.set_VCPUs_max', session, ref, value)).toEqual([
        'INVALID_VALUE',
        STARTUP_RULE,
        String(value),
      ]);
    }
    expect(rec(ref).VCPUs_max).toBe(2);
  });

  it('is refused on a running VM and on dom0', async () => {
    const web = vm('web-01');
    expect(await callError(sim, 'VM.set_VCPUs_max', session, web, 8)).toEqual([
      'VM_BAD_POWER_STATE',
      web,
      'halted',
      'running',
    ]);
    expect(await callError(sim, 'VM.set_VCPUs_max', session, dom0(), 8)).toEqual([
      'OPERATION_NOT_ALLOWED',
      'This operation is not allowed on dom0',
    ]);
  });
});

describe('VM.set_VCPUs_at_startup', () => {
  it('takes effect at the next boot, whatever the power state', async () => {
    const web = vm('web-01');
    await call(sim, 'VM.set_VCPUs_at_startup', session, web, 3);
    expect(vcpusNow(web)).toBe(2);
    await call(sim, 'VM.clean_reboot', session, web);
    expect(vcpusNow(web)).toBe(3);
  });

  it('must lie in 1..VCPUs_max, and dom0 is left alone', async () => {
    const ref = vm('test-ubuntu');
    for (const value of [0, 3]) {
      expect(await callError(sim, 'VM.set_VCPUs_at_startup', session, ref, value)).toEqual([
        'INVALID_VALUE',
        STARTUP_RULE,
        String(value),
      ]);
    }
    expect(await callError(sim, 'VM.set_VCPUs_at_startup', session, dom0(), 1)).toEqual([
      'OPERATION_NOT_ALLOWED',
      'set_VCPUs_at_startup is not allowed on dom0',
    ]);
  });
});
