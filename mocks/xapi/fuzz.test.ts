/**
 * Bad input never breaks the simulator: random calls to every datamodel method, with
 * arguments that are sometimes right, sometimes refs of the wrong class, sometimes
 * garbage, only ever fail with a real XAPI error, never with a JavaScript exception
 * dressed as INTERNAL_ERROR, and leave the model's invariants intact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schema, type XapiType } from '../../src/xapi/model/schema';
import { invariantViolations } from '../sim/invariants';
import { createSimulator } from '../sim/scenarios/index';
import type { Simulator } from '../sim/simulator';
import { dispatch } from './dispatch';
import { flushMicrotasks, login } from './testing';

const METHODS = [...schema.methods.keys()];
const KNOWN_CODES = new Set([...Object.keys(schema.errors), 'Fault']);

/** A value for a parameter: usually of the right type, sometimes not. */
function argument(sim: Simulator, type: XapiType): fc.Arbitrary<unknown> {
  const anyRef = fc.constantFrom(
    ...sim.db.tableNames.flatMap((cls) => sim.db.refs(cls).slice(0, 3)),
    'OpaqueRef:NULL',
    'junk',
  );
  const garbage = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  const right = ((): fc.Arbitrary<unknown> => {
    switch (type.kind) {
      case 'ref': {
        const refs = sim.db.tableNames.includes(type.cls) ? sim.db.refs(type.cls) : [];
        return refs.length ? fc.oneof(fc.constantFrom(...refs), anyRef) : anyRef;
      }
      case 'int':
        return fc.oneof(fc.integer({ min: -4, max: 64 }), fc.constantFrom(2 ** 30, 2 ** 33));
      case 'float':
        return fc.double({ min: 0, max: 1e4, noNaN: true });
      case 'bool':
        return fc.boolean();
      case 'enum':
        return fc.constantFrom(...(schema.enums[type.name] ?? ['x']), 'bogus');
      case 'set':
        return fc.array(argument(sim, type.of), { maxLength: 2 });
      case 'map':
        return fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 });
      default:
        return fc.string({ maxLength: 12 });
    }
  })();
  return fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: garbage, weight: 1 });
}

function call(sim: Simulator) {
  return fc.constantFrom(...METHODS).chain((method) => {
    const spec = schema.methods.get(method)!;
    const params = spec.params.slice(spec.takesSession ? 1 : 0);
    return fc.tuple(fc.constant(method), fc.tuple(...params.map((p) => argument(sim, p.type))), fc.boolean());
  });
}

async function runCall(sim: Simulator, session: string, method: string, args: unknown[], isAsync: boolean) {
  const name = isAsync && schema.methods.get(method)?.async ? `Async.${method}` : method;
  let outcome: { error?: unknown } | undefined;
  dispatch(sim, name, [session, ...args]).then(
    () => {
      outcome = {};
    },
    (error: unknown) => {
      outcome = { error };
    },
  );
  // Let the call run its course in virtual time (ten minutes is plenty for any operation).
  for (let i = 0; i < 120 && !outcome; i++) {
    sim.clock.advance(5_000);
    await flushMicrotasks();
  }
  return outcome;
}

describe('random calls with random arguments', () => {
  it('fail only with XAPI errors and never break an invariant', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    let session = await login(sim);
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(call(sim), { minLength: 1, maxLength: 6 }), async (calls) => {
        for (const [method, args, isAsync] of calls) {
          if (!sim.db.has('session', session)) session = await login(sim);
          const outcome = await runCall(sim, session, method, args, isAsync);
          const error = outcome?.error as { code?: string; params?: string[] } | undefined;
          if (!error) continue;
          const text = `${method}(${JSON.stringify(args)}) → ${error.code} ${JSON.stringify(error.params)}`;
          if (!error.code || !KNOWN_CODES.has(error.code)) problems.push(`unknown error: ${text}`);
          // xapi's own INTERNAL_ERRORs: an unmarshalling Failure, or an error rrdd raised (data-source-calls.ts).
          const fromXapi = /^(Failure\(|IDL Error: )/.test(error.params?.[0] ?? '');
          if (error.code === 'INTERNAL_ERROR' && !fromXapi) problems.push(`crash: ${text}`);
        }
        const violations = invariantViolations(sim);
        expect(violations).toEqual([]);
      }),
      { numRuns: 1000, seed: 20261125 },
    );
    expect(problems.slice(0, 10)).toEqual([]);
  }, 120_000);
});
