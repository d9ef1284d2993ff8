/**
 * The method table: resolves a wire method name, checks arity, session and
 * argument types in XAPI's order, runs the implementation, and wraps calls that
 * can run asynchronously in a task (Async.* returns its ref at once).
 */
import type { MessageSpec, XapiType } from '../../src/xapi/model/schema';
import { schema } from '../../src/xapi/model/schema';
import { XapiFailure } from '../sim/failure';
import type { Simulator } from '../sim/simulator';
import { genericAccessor } from './accessors';
import { decodeValue } from './decode';
import { IMPLEMENTATIONS } from './method-table';
import type { CallContext, MethodImpl } from './registry';
import { encodeXmlValue } from './xml-value';

export interface CallResult {
  value: unknown;
  /** The datamodel type of `value`, for type-directed encodings (XML-RPC). */
  type: XapiType;
}

const TASK_REF: XapiType = { kind: 'ref', cls: 'task' };
const UNTYPED: XapiType = { kind: 'unknown' };

/** Finds a message by `class.message` or the `class_message` spelling XAPI also accepts. */
function resolve(name: string): MessageSpec | undefined {
  const direct = schema.methods.get(name);
  if (direct || name.includes('.')) return direct;
  for (const cls of schema.classes.keys()) {
    if (name.startsWith(`${cls}_`)) {
      const spec = schema.classes.get(cls)!.messages.get(name.slice(cls.length + 1));
      if (spec) return spec;
    }
  }
  return undefined;
}

export function implementation(spec: MessageSpec): MethodImpl | undefined {
  return IMPLEMENTATIONS[spec.method] ?? genericAccessor(spec);
}

/** Every method name the server answers, as system.listMethods reports them. */
export function listMethods(): string[] {
  const names: string[] = [];
  for (const spec of schema.methods.values()) {
    names.push(spec.method);
    if (spec.async) names.push(`Async.${spec.method}`);
  }
  return names;
}

export async function dispatch(sim: Simulator, method: string, params: unknown[]): Promise<CallResult> {
  if (method === 'system.listMethods') return { value: listMethods(), type: UNTYPED };
  const isAsync = method.startsWith('Async.');
  const name = isAsync ? method.slice(6) : method;
  const spec = resolve(name);
  if (!spec) {
    // xapi session-checks the first parameter before looking for an extension of that name.
    if (params.length > 0) sim.sessions.check(params[0]);
    throw new XapiFailure('MESSAGE_METHOD_UNKNOWN', [method]);
  }
  if (isAsync && !spec.async) {
    // Not a datamodel error: gen_server.ml fails this with a bare "Fault".
    throw new XapiFailure('Fault', [`No async mode for this operation (rpc: ${name})`]);
  }

  // Counts exclude the session; trailing params with defaults may be omitted, and
  // extra ones are ignored when the message has defaults (gen_server.ml).
  const offset = spec.takesSession ? 1 : 0;
  const declared = spec.params.slice(offset);
  const required = declared.filter((p) => p.required).length;
  const received = params.length - offset;
  const hasDefaults = required < declared.length;
  if (received < required || (received > declared.length && !hasDefaults)) {
    throw new XapiFailure('MESSAGE_PARAMETER_COUNT_MISMATCH', [name, String(required), String(received)]);
  }
  // Arguments are unmarshalled before the session is checked, so a type error wins.
  const args = declared.slice(0, received).map((p, i) => decodeValue(p.type, params[i + offset]));
  const session = spec.takesSession ? sim.sessions.check(params[0]) : '';

  const impl = implementation(spec);
  // Every method without an implementation is listed in not-implemented.ts (a test keeps the two in step).
  if (!impl) throw new XapiFailure('NOT_IMPLEMENTED', [spec.method]);

  // XAPI gives every call that has an async form a task, except on task and event themselves.
  if (!spec.async || spec.cls === 'task' || spec.cls === 'event') {
    const value = await impl({ sim, session, method: spec.method, task: undefined }, ...args);
    return { value, type: spec.result };
  }

  const task = sim.tasks.create(isAsync ? method : name, session);
  const ctx: CallContext = { sim, session, method: spec.method, task };
  const run = (async () => impl(ctx, ...args))();
  if (isAsync) {
    run.then(
      (value) => sim.tasks.complete(task, encodeXmlValue(value, spec.result)),
      (error: unknown) => sim.tasks.failed(task, asFailure(error)),
    );
    return { value: task, type: TASK_REF };
  }
  try {
    return { value: await run, type: spec.result };
  } finally {
    // A synchronous call's task is internal; XAPI destroys it when the call returns.
    if (sim.db.has('task', task)) sim.db.delete('task', task);
  }
}

/** Anything that escapes an implementation and is not an XAPI error is a bug: INTERNAL_ERROR. */
export function asFailure(error: unknown): XapiFailure {
  if (error instanceof XapiFailure) return error;
  return new XapiFailure('INTERNAL_ERROR', [error instanceof Error ? error.message : String(error)]);
}
