/**
 * The simulator's HTTP endpoints as plain functions from a request's essentials to a
 * reply, free of any HTTP library: mocks/handlers.ts wraps them for MSW (browser and
 * Vitest) and mocks/server.ts calls them straight from node:http, so every host runs
 * the same code. Endpoints and headers follow xen-api's api_server.ml and http_svr.ml.
 */

import type { XapiFailure } from '../sim/failure';
import type { Simulator } from '../sim/simulator';
import { asFailure, type CallResult, dispatch } from './dispatch';
import { internalErrorPage } from './http-pages';
import { type JsonRpcCall, jsonRpcFailure, jsonRpcSuccess, parseJsonRpcCall } from './jsonrpc';
import { answerRrdUpdates, type GetRequest, RRD_UPDATES_PATH } from './rrd-endpoint';
import { parseMethodCall, type XmlRpcCall, xmlRpcFailure, xmlRpcSuccess } from './xmlrpc';

export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** Every RPC reply carries these, so a page on another origin may read it. */
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'X-Requested-With' };

function reply(body: string, contentType: string, status = 200): WireReply {
  return { status, headers: { 'Content-Type': contentType, ...CORS }, body };
}

/** http_svr.ml's response_internal_error: what a body xapi cannot parse gets. */
const malformedBody = () => reply(internalErrorPage(), 'text/html', 500);

export const JSON_RPC_PATH = '/jsonrpc';

/** What differs between the two protocols: reading a call and writing its reply. */
interface Protocol<Call extends { method: string; params: unknown[] }> {
  contentType: string;
  parse(body: string): Call;
  success(call: Call, result: CallResult): string;
  failure(call: Call, failure: XapiFailure): string;
}

const JSON_RPC: Protocol<JsonRpcCall> = {
  contentType: 'application/json',
  parse: parseJsonRpcCall,
  success: jsonRpcSuccess,
  failure: jsonRpcFailure,
};

const XML_RPC: Protocol<XmlRpcCall> = {
  contentType: 'text/xml',
  parse: parseMethodCall,
  success: (call, result) => xmlRpcSuccess(call.method, result),
  failure: (_call, failure) => xmlRpcFailure(failure),
};

async function answerRpc<Call extends { method: string; params: unknown[] }>(
  sim: Simulator,
  protocol: Protocol<Call>,
  body: string,
): Promise<WireReply> {
  let call: Call;
  try {
    call = protocol.parse(body);
  } catch {
    return malformedBody();
  }
  try {
    return reply(protocol.success(call, await dispatch(sim, call.method, call.params)), protocol.contentType);
  } catch (error) {
    return reply(protocol.failure(call, asFailure(error)), protocol.contentType);
  }
}

/**
 * A POST: JSON-RPC on /jsonrpc, XML-RPC everywhere else. xapi takes XML-RPC on / and
 * /RPC2; clients use other paths too (xen-api's npm client posts to /xmlrpc).
 */
export function answerPost(sim: Simulator, pathname: string, body: string): Promise<WireReply> {
  return pathname === JSON_RPC_PATH ? answerRpc(sim, JSON_RPC, body) : answerRpc(sim, XML_RPC, body);
}

/**
 * A GET: performance data on /rrd_updates. Any other path is not the simulator's
 * (undefined), so in the browser the page's own files pass through.
 */
export function answerGet(sim: Simulator, request: GetRequest): WireReply | undefined {
  return request.pathname === RRD_UPDATES_PATH ? answerRrdUpdates(sim, request) : undefined;
}

/**
 * http_svr.ml's respond_to_options: echo the requested headers and name only PUT.
 * That is enough for browsers, which never check Allow-Methods for a POST.
 */
export function answerPreflight(requestedHeaders: string | null): WireReply {
  return {
    status: 200,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': requestedHeaders ? `${requestedHeaders}, X-Requested-With` : 'X-Requested-With',
      'Access-Control-Allow-Methods': 'PUT',
    },
    body: null,
  };
}
