/**
 * JSON-RPC 2.0 transport to XAPI's /jsonrpc endpoint, typed by the generated
 * method table: a wrong method name or argument is a compile error.
 */
import type { Methods, XapiMethod } from './model/types';
import { XapiError } from './xapi-error';

interface JsonRpcReply {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown[] };
}

export class JsonRpcTransport {
  private nextId = 1;

  /** `baseUrl` is '' for this origin (the simulator, or the bundled proxy). */
  constructor(private readonly baseUrl = '') {}

  async call<M extends XapiMethod>(method: M, params: unknown[]): Promise<Methods[M]['result']> {
    return this.callRaw(method, params) as Promise<Methods[M]['result']>;
  }

  async callRaw(method: string, params: unknown[]): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/jsonrpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method, params, id: this.nextId++ }),
    });
    if (!response.ok) throw new XapiError('HTTP_ERROR', [String(response.status), response.statusText]);
    const reply = (await response.json()) as JsonRpcReply;
    if (reply.error) throw new XapiError(reply.error.message, (reply.error.data ?? []).map(String));
    return reply.result;
  }
}
