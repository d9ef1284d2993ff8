/**
 * JSON-RPC 2.0 transport to an XAPI /jsonrpc endpoint, typed by the generated method
 * table: a wrong method name or argument is a compile error.
 */
import { CallLimit } from './call-limit';
import type { Methods, XapiMethod } from './model/types';
import { XapiError } from './xapi-error';

interface JsonRpcReply {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown[] };
}

/** The transport could not reach the server at all (as opposed to an XAPI error). */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Calls that wait on the server by design: they run outside the limit, or they would hold a place for the whole wait. */
const LONG_POLLS = new Set(['event.from', 'event.next']);

/** Calls in flight per pool: what a browser allows per host over HTTP/1.1. */
const MAX_CALLS_IN_FLIGHT = 6;

export class JsonRpcTransport {
  private nextId = 1;
  private readonly limit = new CallLimit(MAX_CALLS_IN_FLIGHT);

  /**
   * `baseUrl` is the path (or origin) in front of /jsonrpc: '/sim/demo' for the
   * in-browser simulator, '/pool/<address>' through the bundled proxy, '' for a server
   * that is the page's own origin.
   */
  constructor(readonly baseUrl = '') {}

  async call<M extends XapiMethod>(method: M, params: unknown[], signal?: AbortSignal): Promise<Methods[M]['result']> {
    return this.callRaw(method, params, signal) as Promise<Methods[M]['result']>;
  }

  callRaw(method: string, params: unknown[], signal?: AbortSignal): Promise<unknown> {
    return LONG_POLLS.has(method)
      ? this.send(method, params, signal)
      : this.limit.run(() => this.send(method, params, signal));
  }

  private async send(method: string, params: unknown[], signal?: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/jsonrpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', method, params, id: this.nextId++ }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new TransportError((error as Error).message);
    }
    if (!response.ok) throw new TransportError(`HTTP ${response.status} ${response.statusText}`, response.status);
    const reply = (await response.json()) as JsonRpcReply;
    if (reply.error) throw new XapiError(reply.error.message, (reply.error.data ?? []).map(String));
    return reply.result;
  }
}
