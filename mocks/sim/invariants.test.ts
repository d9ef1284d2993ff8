/**
 * Random sequences of lifecycle and host calls, valid and invalid, sync and Async, with
 * virtual time passing between them: whatever happens, the simulator's state stays
 * sound (see invariants.ts) and every failure is an XAPI error, never a crash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../xapi/dispatch';
import { flushMicrotasks, login } from '../xapi/testing';
import { XapiFailure } from './failure';
import { invariantViolations } from './invariants';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';

/** A call in terms of indexes into the objects that exist when it is made. */
interface Step {
  method: string;
  async: boolean;
  /** Picks of objects: VM, host, SR, VDI, pending task; one pick in (count + 1) names one that does not exist. */
  picks: number[];
  flag: boolean;
  op: string;
  /** Virtual ms to let pass after the call. */
  waitMs: number;
}

const METHODS = [
  'VM.start',
  'VM.start_on',
  'VM.clean_shutdown',
  'VM.hard_shutdown',
  'VM.shutdown',
  'VM.clean_reboot',
  'VM.hard_reboot',
  'VM.suspend',
  'VM.resume',
  'VM.resume_on',
  'VM.pause',
  'VM.unpause',
  'VM.pool_migrate',
  'VM.clone',
  'VM.copy',
  'VM.snapshot',
  'VM.checkpoint',
  'VM.revert',
  'VM.destroy',
  'VM.provision',
  'VM.set_is_a_template',
  'VM.add_to_blocked_operations',
  'VM.remove_from_blocked_operations',
  'VM.assert_operation_valid',
  'VM.get_possible_hosts',
  'host.disable',
  'host.enable',
  'host.evacuate',
  'host.reboot',
  'host.shutdown',
  'host.power_on',
  'host.set_power_on_mode',
  'VDI.destroy',
  'task.cancel',
  'VM.set_memory_dynamic_range',
  'VM.set_memory_limits',
  'VM.set_memory',
  'VM.set_VCPUs_max',
  'VM.set_VCPUs_at_startup',
  'VM.set_VCPUs_number_live',
];
const OPS = ['start', 'clean_shutdown', 'hard_shutdown', 'suspend', 'pool_migrate', 'clone', 'snapshot', 'destroy'];

/** Calls that place VMs on hosts come up more often: memory accounting is where bugs would hide. */
const PLACING = ['VM.start', 'VM.start_on', 'VM.resume_on', 'VM.pool_migrate'];

const step: fc.Arbitrary<Step> = fc.record({
  method: fc.oneof(
    { arbitrary: fc.constantFrom(...METHODS), weight: 3 },
    { arbitrary: fc.constantFrom(...PLACING), weight: 1 },
  ),
  async: fc.boolean(),
  picks: fc.array(fc.nat({ max: 1_000 }), { minLength: 5, maxLength: 5 }),
  flag: fc.boolean(),
  op: fc.constantFrom(...OPS),
  waitMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 3_000, max: 120_000 })),
});

function pick(sim: Simulator, cls: string, index: number): string {
  const refs = cls === 'task' ? sim.db.refs('task').filter((t) => sim.tasks.isPending(t)) : sim.db.refs(cls);
  return refs[index % (refs.length + 1)] ?? `OpaqueRef:missing-${index}`;
}

const MiB = 1024 * 1024;
/** A memory size from a pick: 256 MiB steps up to 8 GiB, sometimes far beyond any host. */
const memory = (pick: number) => (pick % 50 === 0 ? 512 * 1024 : ((pick % 32) + 1) * 256) * MiB;

function params(sim: Simulator, s: Step): unknown[] {
  const [vm, host, sr, vdi, task] = s.picks;
  const v = pick(sim, 'VM', vm);
  const h = pick(sim, 'host', host);
  switch (s.method) {
    case 'VM.start':
    case 'VM.resume':
      return [v, s.flag, false];
    case 'VM.start_on':
    case 'VM.resume_on':
      return [v, h, s.flag, false];
    case 'VM.pool_migrate':
      return [v, h, s.flag ? { force: 'true' } : {}];
    case 'VM.clone':
    case 'VM.snapshot':
    case 'VM.checkpoint':
      return [v, `copy ${vm}`];
    case 'VM.copy':
      return [v, `copy ${vm}`, pick(sim, 'SR', sr)];
    case 'VM.set_is_a_template':
      return [v, s.flag];
    case 'VM.add_to_blocked_operations':
      return [v, s.op, 'blocked by the test'];
    case 'VM.remove_from_blocked_operations':
    case 'VM.assert_operation_valid':
      return [v, s.op];
    case 'host.disable':
      return [h, s.flag];
    case 'host.set_power_on_mode':
      return [h, s.flag ? 'wake-on-lan' : '', {}];
    case 'VDI.destroy':
      return [pick(sim, 'VDI', vdi)];
    case 'task.cancel':
      return [pick(sim, 'task', task)];
    case 'VM.set_memory_dynamic_range':
      return [v, memory(sr), memory(vdi)];
    case 'VM.set_memory_limits':
      return [v, memory(host), memory(task), memory(sr), memory(vdi)];
    case 'VM.set_memory':
      return [v, memory(sr)];
    case 'VM.set_VCPUs_max':
    case 'VM.set_VCPUs_at_startup':
    case 'VM.set_VCPUs_number_live':
      return [v, (sr % 10) - 1];
    default:
      return s.method.startsWith('host.') ? [h] : [v];
  }
}

/** A failure that is not a proper XAPI error, or an INTERNAL_ERROR other than evacuate's own. */
function unexpected(error: unknown): string | undefined {
  if (!(error instanceof XapiFailure)) return String(error);
  if (error.code === 'INTERNAL_ERROR' && !error.params[0]?.startsWith('evacuate:'))
    return `${error.code} ${error.params}`;
  return undefined;
}

async function passTime(sim: Simulator, ms: number) {
  for (let t = 0; t < ms; t += 500) {
    sim.clock.advance(Math.min(500, ms - t));
    await flushMicrotasks();
  }
}

describe('simulator invariants under random calls', () => {
  it('hold after any sequence of calls and any passage of time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), fc.nat(), async (steps, seed) => {
        const sim = createSimulator({ scenario: 'demo', seed });
        const session = await login(sim);
        const problems: string[] = [];
        const note = (error: unknown) => {
          const problem = unexpected(error);
          if (problem) problems.push(problem);
        };
        for (const s of steps) {
          const method = s.async ? `Async.${s.method}` : s.method;
          dispatch(sim, method, [session, ...params(sim, s)]).catch(note);
          await flushMicrotasks();
          await passTime(sim, s.waitMs);
          expect(invariantViolations(sim)).toEqual([]);
        }
        await passTime(sim, 120_000);
        for (const row of sim.db.rows('task')) {
          const [code, ...rest] = row.record.error_info as string[];
          if (code) note(new XapiFailure(code, rest));
        }
        expect(invariantViolations(sim)).toEqual([]);
        expect(problems).toEqual([]);
      }),
      { numRuns: 600 },
    );
  }, 60_000);
});
