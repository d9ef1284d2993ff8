/**
 * The console's preview against the simulator: for many generated values, the error
 * the client rules say XAPI will answer (or none) is the error the simulator answers.
 * The simulator's records are read through XAPI, as the console's mirror has them.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../../mocks/sim/scenarios/index';
import type { Simulator } from '../../../mocks/sim/simulator';
import { dispatch } from '../../../mocks/xapi/dispatch';
import { encodeJsonResult } from '../../../mocks/xapi/json-value';
import { login, settle } from '../../../mocks/xapi/testing';
import type { XapiClass, XapiRecord } from '../model/types';
import { countsAgainst, hostFreeMemory } from './host-memory';
import type { VmMemoryContext } from './memory';
import {
  dynamicRangeRefusal,
  liveVcpusRefusal,
  memoryLimitsRefusal,
  type Refusal,
  setMemoryRefusal,
} from './memory-refusal';

const MiB = 1024 * 1024;

let sim: Simulator;
let session: string;

beforeAll(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
  // Past boot: the guests' agents have reported, so the balloon drivers are known.
  sim.clock.advance(120_000);
});

/** A call's result as JSON-RPC carries it to the console. */
async function call<T>(method: string, ...params: unknown[]): Promise<T> {
  const result = await settle(sim, dispatch(sim, method, [session, ...params]));
  return JSON.parse(encodeJsonResult(result)) as T;
}

type Tables = { [C in XapiClass]?: Record<string, XapiRecord<C>> };

async function tables(): Promise<Tables> {
  const classes = ['VM', 'VM_metrics', 'VM_guest_metrics', 'host', 'host_metrics', 'pool'] as const;
  const entries = await Promise.all(classes.map(async (cls) => [cls, await call(`${cls}.get_all_records`)] as const));
  return Object.fromEntries(entries) as Tables;
}

interface Subject {
  ref: string;
  vm: XapiRecord<'VM'>;
  context: VmMemoryContext;
  hostFreeBytes: number;
}

async function subject(name: string): Promise<Subject> {
  const t = await tables();
  const [ref, vm] = Object.entries(t.VM ?? {}).find(([, record]) => record.name_label === name) ?? [];
  if (!ref || !vm) throw new Error(`no VM ${name}`);
  const pool = Object.values(t.pool ?? {})[0];
  const context = { pool, metrics: t.VM_metrics?.[vm.metrics], guestMetrics: t.VM_guest_metrics?.[vm.guest_metrics] };
  let hostFreeBytes = 0;
  const host = t.host?.[vm.resident_on];
  if (host) {
    const guests = Object.entries(t.VM ?? {})
      .filter(([, other]) => countsAgainst(other, vm.resident_on))
      .map(([guestRef, other]) => ({ ref: guestRef, vm: other }));
    hostFreeBytes = hostFreeMemory({
      totalBytes: t.host_metrics?.[host.metrics]?.memory_total ?? 0,
      hostOverheadBytes: host.memory_overhead,
      guests,
    });
    // The client's sum is XAPI's own answer.
    expect(hostFreeBytes).toBe(await call('host.compute_free_memory', vm.resident_on));
  }
  return { ref, vm, context, hostFreeBytes };
}

/** Runs virtual time until an Async call's task has ended, and reads how. */
async function outcome(task: string): Promise<XapiRecord<'task'>> {
  for (let waitedMs = 0; waitedMs < 600_000; waitedMs += 100) {
    const record = await call<XapiRecord<'task'>>('task.get_record', task);
    if (record.status !== 'pending') return record;
    sim.clock.advance(100);
  }
  throw new Error(`task ${task} never ended`);
}

/** The simulator's answer to an Async call: undefined on success, else its error. */
async function answer(method: string, ...params: unknown[]): Promise<Refusal | undefined> {
  const task = await outcome(await call<string>(method, ...params));
  if (task.status === 'success') return undefined;
  const [code = '', ...rest] = task.error_info;
  return { code, params: rest };
}

/** Every answer seen, so a test can show its values reached each outcome. */
function recordAnswer(seen: Set<string>, refusal: Refusal | undefined): Refusal | undefined {
  seen.add(refusal?.code ?? 'success');
  return refusal;
}

/** The params worth comparing: those the client knows before it calls (not refs, tasks or XAPI's wording). */
function comparable(refusal: Refusal | undefined): Refusal | undefined {
  if (!refusal) return undefined;
  const known = ['HOST_NOT_ENOUGH_FREE_MEMORY', 'MEMORY_CONSTRAINT_VIOLATION_MAXPIN', 'INVALID_VALUE'];
  return { code: refusal.code, params: known.includes(refusal.code) ? refusal.params : [] };
}

/** A memory size in bytes, whole MiB, often near the VM's own values so the edges get hit. */
const memoryBytes = (near: readonly number[]) =>
  fc.oneof(
    fc.integer({ min: 0, max: 48 * 1024 }).map((mib) => mib * MiB),
    fc.constantFrom(...near),
    fc.tuple(fc.constantFrom(...near), fc.integer({ min: -1024, max: 1024 })).map(([b, d]) => Math.max(0, b + d * MiB)),
  );

const near = (vm: XapiRecord<'VM'>) => [
  vm.memory_static_min,
  vm.memory_dynamic_min,
  vm.memory_dynamic_max,
  vm.memory_static_max,
];

/** Running with a balloon, running on an overcommitted host, no tools, paused, suspended, halted, and a control domain. */
const VMS = [
  'web-01',
  'web-02',
  'db-replica',
  'legacy-erp',
  'build-runner',
  'staging-app',
  'test-ubuntu',
  'backup-proxy',
];

async function controlDomainName(): Promise<string> {
  const vms = (await tables()).VM ?? {};
  return Object.values(vms).find((vm) => vm.is_control_domain)?.name_label ?? '';
}

describe('the client predicts what XAPI answers', () => {
  it('for set_memory_dynamic_range', async () => {
    const names = [...VMS, await controlDomainName()];
    const { vm: first } = await subject('web-02');
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        memoryBytes(near(first)),
        memoryBytes(near(first)),
        async (name, a, b) => {
          const s = await subject(name);
          const predicted = dynamicRangeRefusal(s.vm, s.context, s.hostFreeBytes, a, b);
          const actual = recordAnswer(seen, await answer('Async.VM.set_memory_dynamic_range', s.ref, a, b));
          expect(comparable(actual)).toEqual(comparable(predicted));
        },
      ),
      { numRuns: 150, seed: 4 },
    );
    expect([...seen].sort()).toEqual([
      'HOST_NOT_ENOUGH_FREE_MEMORY',
      'MEMORY_CONSTRAINT_VIOLATION_MAXPIN',
      'MEMORY_CONSTRAINT_VIOLATION_ORDER',
      'VM_BAD_POWER_STATE',
      'success',
    ]);
  });

  it('for set_memory_limits and set_memory', async () => {
    const { vm: first } = await subject('test-ubuntu');
    const bytes = memoryBytes(near(first));
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...VMS), bytes, bytes, bytes, bytes, async (name, smin, dmin, dmax, smax) => {
        const s = await subject(name);
        const limits = { staticMin: smin, dynamicMin: dmin, dynamicMax: dmax, staticMax: smax };
        const predicted = memoryLimitsRefusal(s.vm, s.context, limits);
        const actual = recordAnswer(seen, await answer('Async.VM.set_memory_limits', s.ref, smin, smax, dmin, dmax));
        expect(comparable(actual)).toEqual(comparable(predicted));
        const after = await subject(name);
        expect(comparable(await answer('Async.VM.set_memory', after.ref, dmax))).toEqual(
          comparable(setMemoryRefusal(after.vm, after.context, dmax)),
        );
      }),
      { numRuns: 120, seed: 7 },
    );
    expect([...seen].sort()).toEqual(['MEMORY_CONSTRAINT_VIOLATION_ORDER', 'VM_BAD_POWER_STATE', 'success']);
  });

  it('for set_VCPUs_number_live', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...VMS), fc.integer({ min: -1, max: 10 }), async (name, count) => {
        const s = await subject(name);
        const predicted = liveVcpusRefusal(s.vm, s.context, count);
        const actual = recordAnswer(seen, await answer('Async.VM.set_VCPUs_number_live', s.ref, count));
        expect(comparable(actual)).toEqual(comparable(predicted));
      }),
      { numRuns: 80, seed: 11 },
    );
    expect([...seen].sort()).toEqual(['INVALID_VALUE', 'VM_BAD_POWER_STATE', 'VM_LACKS_FEATURE', 'success']);
  });
});
