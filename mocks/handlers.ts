/**
 * The simulator on the wire for MSW in Vitest (node.ts): it wraps the endpoints of
 * mocks/xapi/endpoints.ts. In the browser, browser.ts forwards requests to the
 * simulator's worker, which calls the same endpoints; `npm run sim` (server.ts) calls
 * them from node:http.
 */
import { type HttpHandler, HttpResponse, http, type WebSocketHandler, ws } from 'msw';
import { openConsole } from './console/console-sessions';
import { binaryMessage, messageBytes } from './console/message-bytes';
import type { Simulator } from './sim/simulator';
import { answerGet, answerPost, answerPreflight, type WireReply } from './xapi/endpoints';
import { RRD_UPDATES_PATH } from './xapi/rrd-endpoint';

export interface HandlerOptions {
  /**
   * The origin to answer on. Leave it out in the browser, where msw resolves relative
   * paths against the page (so requests to other origins pass through). setupServer in
   * Node has no page, so node.ts sets it.
   */
  origin?: string;
  /** A path the endpoints sit under, e.g. '/sim/demo' when the page hosts several simulators. */
  prefix?: string;
}

const toResponse = (wire: WireReply) => new HttpResponse(wire.body, { status: wire.status, headers: wire.headers });

type ConsoleConnection = Parameters<Parameters<ReturnType<typeof ws.link>['addEventListener']>[1]>[0];

/**
 * A console WebSocket in Vitest, opened as xapi opens it (mocks/console). A browser
 * shows a refused handshake only as a close with code 1006 and no reason, never the
 * HTTP status, so that is all a refusal becomes here. xapi always answers with the
 * "binary" subprotocol, which a browser rejects unless it offered it: so must the client.
 */
function bridgeConsole(sim: Simulator, { client, info }: ConsoleConnection): void {
  const offered = [info.protocols ?? []].flat();
  const opening = offered.includes('binary')
    ? openConsole(sim, { route: 'websocket', query: client.url.searchParams })
    : undefined;
  if (!opening || 'refusal' in opening) {
    client.close(1006);
    return;
  }
  const session = opening.accept();
  const socket = (client as { socket?: { binaryType?: string } }).socket;
  session.onSend((bytes) => client.send(binaryMessage(bytes, socket?.binaryType)));
  // When the console ends, wsproxy drops the connection without a closing handshake.
  session.onClose(() => client.close(1006));
  let received = Promise.resolve();
  client.addEventListener('message', (event) => {
    received = received.then(async () => session.receive(await messageBytes(event.data)));
  });
  client.addEventListener('close', () => session.close());
}

export function createHandlers(getSim: () => Simulator, options: HandlerOptions = {}): HttpHandler[] {
  const prefix = options.prefix ?? '';
  const path = (p: string) => (options.origin ? new URL(prefix + p, options.origin).href : prefix + p);
  return [
    http.post(path('/*'), async ({ request }) =>
      toResponse(await answerPost(getSim(), new URL(request.url).pathname.slice(prefix.length), await request.text())),
    ),
    http.options(path('/*'), ({ request }) =>
      toResponse(answerPreflight(request.headers.get('Access-Control-Request-Headers'))),
    ),
    // Only this GET is the simulator's: the page's own GETs (the app itself, in the
    // browser) must pass through untouched.
    http.get(path(RRD_UPDATES_PATH), ({ request }) => {
      const url = new URL(request.url);
      const reply = answerGet(getSim(), {
        pathname: url.pathname.slice(prefix.length),
        search: url.search.slice(1),
        accept: request.headers.get('Accept'),
        cookie: request.headers.get('Cookie'),
        authorization: request.headers.get('Authorization'),
      });
      return reply && toResponse(reply);
    }),
  ];
}

/** The console WebSocket at <prefix>/console, for Vitest (the page's goes through the simulator worker). */
export function createConsoleHandler(getSim: () => Simulator, options: HandlerOptions = {}): WebSocketHandler {
  const path = `${options.prefix ?? ''}/console`;
  return ws
    .link(options.origin ? new URL(path, options.origin).href : path)
    .addEventListener('connection', (connection) => bridgeConsole(getSim(), connection));
}
