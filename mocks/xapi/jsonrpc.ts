/**
 * JSON-RPC envelopes as xapi reads and writes them (mirage/ocaml-rpc
 * src/lib/jsonrpc.ml, xen-api ocaml/xapi/api_server.ml). `"jsonrpc":"2.0"` selects
 * version 2, no `jsonrpc` member version 1. An `id` is mandatory: a request without
 * one, or that is not such an envelope, is malformed and xapi answers HTTP 500.
 */
import type { XapiFailure } from '../sim/failure';
import type { CallResult } from './dispatch';
import { encodeJsonResult } from './json-value';

export class JsonRpcParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonRpcParseError';
  }
}

export interface JsonRpcCall {
  version: 1 | 2;
  id: number | string;
  method: string;
  params: unknown[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** version_id_and_call_of_string: which members are required, and what each may hold. */
export function parseJsonRpcCall(body: string): JsonRpcCall {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch (error) {
    throw new JsonRpcParseError(`invalid JSON: ${(error as Error).message}`);
  }
  if (!isObject(envelope)) throw new JsonRpcParseError('the request is not a JSON object');

  const { method, jsonrpc, params, id } = envelope;
  if (typeof method !== 'string') throw new JsonRpcParseError("invalid or missing 'method'");
  if (jsonrpc !== undefined && jsonrpc !== '2.0') throw new JsonRpcParseError("invalid 'jsonrpc'");
  const version = jsonrpc === '2.0' ? 2 : 1;

  let args: unknown[];
  if (Array.isArray(params)) args = params;
  // Version 2 lets params be omitted, null, or one by-name object (passed as a single argument).
  else if (version === 2 && (params === undefined || params === null)) args = [];
  else if (version === 2 && isObject(params)) args = [params];
  else throw new JsonRpcParseError("invalid or missing 'params'");

  // Without an id the request is a notification, which xapi does not serve.
  if (!(typeof id === 'string' || Number.isInteger(id))) throw new JsonRpcParseError("invalid or missing 'id'");
  return { version, id: id as number | string, method, params: args };
}

export function jsonRpcSuccess(call: JsonRpcCall, result: CallResult): string {
  const id = JSON.stringify(call.id);
  const value = encodeJsonResult(result);
  return call.version === 2
    ? `{"jsonrpc":"2.0","result":${value},"id":${id}}`
    : `{"result":${value},"error":null,"id":${id}}`;
}

export function jsonRpcFailure(call: JsonRpcCall, failure: XapiFailure): string {
  const id = JSON.stringify(call.id);
  if (call.version === 1)
    return `{"result":null,"error":${JSON.stringify([failure.code, ...failure.params])},"id":${id}}`;
  // xapi keeps `code` only for the spec's sake and always sends 1 (api_server.ml error_code_lit).
  const error = JSON.stringify({ code: 1, message: failure.code, data: failure.params });
  return `{"jsonrpc":"2.0","error":${error},"id":${id}}`;
}
