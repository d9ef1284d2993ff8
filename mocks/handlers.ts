/**
 * The simulator on the wire: the only file that knows MSW. The same handlers serve
 * the browser worker (browser.ts), Vitest (node.ts) and `npm run sim` (server.ts).
 * Endpoints and headers follow xen-api's api_server.ml and http_svr.ml.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { Simulator } from './sim/simulator';
import { asFailure, type CallResult, dispatch } from './xapi/dispatch';
import { type JsonRpcCall, jsonRpcFailure, jsonRpcSuccess, parseJsonRpcCall } from './xapi/jsonrpc';
import { parseMethodCall, type XmlRpcCall, xmlRpcFailure, xmlRpcSuccess } from './xapi/xmlrpc';

export interface HandlerOptions {
  /**
   * The origin to answer on. Leave it out where msw resolves relative paths itself:
   * in the browser (against the page, so requests to other origins pass through) and
   * under getResponse's `baseUrl`. setupServer in Node has neither, so node.ts sets it.
   */
  origin?: string;
}

/** Every RPC reply carries these, so a page on another origin may read it. */
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'X-Requested-With' };

/** http_svr.ml's response_internal_error: what a body xapi cannot parse gets. */
const INTERNAL_ERROR_PAGE =
  '<html><body><h1>HTTP 500 internal server error</h1>An unexpected error occurred; please wait a while and ' +
  'try again. If the problem persists, please contact your support representative.</body></html>';

function reply(body: string, contentType: string, status = 200): HttpResponse<string> {
  return new HttpResponse(body, { status, headers: { 'Content-Type': contentType, ...CORS } });
}

const malformedBody = () => reply(INTERNAL_ERROR_PAGE, 'text/html', 500);

async function answerJsonRpc(sim: Simulator, body: string): Promise<HttpResponse<string>> {
  let call: JsonRpcCall;
  try {
    call = parseJsonRpcCall(body);
  } catch {
    return malformedBody();
  }
  let result: CallResult;
  try {
    result = await dispatch(sim, call.method, call.params);
  } catch (error) {
    return reply(jsonRpcFailure(call, asFailure(error)), 'application/json');
  }
  return reply(jsonRpcSuccess(call, result), 'application/json');
}

async function answerXmlRpc(sim: Simulator, body: string): Promise<HttpResponse<string>> {
  let call: XmlRpcCall;
  try {
    call = parseMethodCall(body);
  } catch {
    return malformedBody();
  }
  let result: CallResult;
  try {
    result = await dispatch(sim, call.method, call.params);
  } catch (error) {
    return reply(xmlRpcFailure(asFailure(error)), 'text/xml');
  }
  return reply(xmlRpcSuccess(call.method, result), 'text/xml');
}

/**
 * http_svr.ml's respond_to_options: echo the requested headers and name only PUT.
 * That is enough for browsers, which never check Allow-Methods for a POST.
 */
function answerPreflight(request: Request): HttpResponse<null> {
  const requested = request.headers.get('Access-Control-Request-Headers');
  return new HttpResponse(null, {
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': requested ? `${requested}, X-Requested-With` : 'X-Requested-With',
      'Access-Control-Allow-Methods': 'PUT',
    },
  });
}

export function createHandlers(getSim: () => Simulator, options: HandlerOptions = {}): HttpHandler[] {
  const path = (p: string) => (options.origin ? new URL(p, options.origin).href : p);
  return [
    http.post(path('/jsonrpc'), async ({ request }) => answerJsonRpc(getSim(), await request.text())),
    // xapi takes XML-RPC on / and /RPC2; clients also use other paths (xen-api's npm
    // client posts to /xmlrpc), so every POST that is not /jsonrpc is XML-RPC here.
    http.post(path('/*'), async ({ request }) => answerXmlRpc(getSim(), await request.text())),
    http.options(path('/*'), ({ request }) => answerPreflight(request)),
    // Still to come, in their own issues: GET /rrd_updates (performance data) and the
    // console WebSocket (ws.link). Only POST and OPTIONS are caught so far, so the
    // page's own GETs (the app itself, in the browser) pass through untouched.
  ];
}
