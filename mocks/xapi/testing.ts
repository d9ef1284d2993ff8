/**
 * Helpers for tests that call the simulator in-process: log in, call through the
 * dispatcher, and let virtual time run until a call that takes time has answered.
 */
import type { Simulator } from '../sim/simulator';
import { dispatch } from './dispatch';

/** Lets pending promise callbacks run (dispatch awaits between steps). */
export const flushMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Advances virtual time in steps until `promise` settles (or `maxMs` passes). */
export async function settle<T>(sim: Simulator, promise: Promise<T>, stepMs = 250, maxMs = 3_600_000): Promise<T> {
  let done = false;
  const tracked = promise.finally(() => {
    done = true;
  });
  tracked.catch(() => {});
  await flushMicrotasks();
  for (let elapsed = 0; !done && elapsed < maxMs; elapsed += stepMs) {
    sim.clock.advance(stepMs);
    await flushMicrotasks();
  }
  return tracked;
}

export async function login(sim: Simulator): Promise<string> {
  return (await dispatch(sim, 'session.login_with_password', ['root', 'xenith'])).value as string;
}

/** Calls a method as a client would and returns its value, running virtual time as needed. */
export async function call<T = unknown>(sim: Simulator, method: string, ...params: unknown[]): Promise<T> {
  return (await settle(sim, dispatch(sim, method, params))).value as T;
}

/** The XAPI error a call fails with, as [code, ...params]. */
export async function callError(sim: Simulator, method: string, ...params: unknown[]): Promise<string[]> {
  try {
    await call(sim, method, ...params);
  } catch (error) {
    const failure = error as { code?: string; params?: string[] };
    if (failure.code) return [failure.code, ...(failure.params ?? [])];
    throw error;
  }
  throw new Error(`${method} succeeded; an error was expected`);
}
