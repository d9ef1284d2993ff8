/** The shape every XAPI method implementation takes. */
import type { Simulator } from '../sim/simulator';

export interface CallContext {
  sim: Simulator;
  /** The caller's session ref ('' for session.login_with_password). */
  session: string;
  /** Wire name without the Async. prefix, e.g. 'VM.start'. */
  method: string;
  /**
   * The task this call runs under, for messages that can run asynchronously: the
   * Async.* task, or the short-lived task XAPI also creates for a synchronous call.
   * Operations record it in current_operations.
   */
  task: string | undefined;
}

// Arguments arrive already validated against the datamodel signature.
// biome-ignore lint/suspicious/noExplicitAny: each implementation declares its own typed params.
export type MethodImpl = (ctx: CallContext, ...args: any[]) => unknown;

/** Implementations keyed by wire name ('VM.start'). */
export type MethodTable = Record<string, MethodImpl>;
