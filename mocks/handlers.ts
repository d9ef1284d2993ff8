/**
 * The simulator on the wire for MSW in Vitest (node.ts): it wraps the endpoints of
 * mocks/xapi/endpoints.ts. In the browser, browser.ts forwards requests to the
 * simulator's worker, which calls the same endpoints; `npm run sim` (server.ts) calls
 * them from node:http.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
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
    // browser) must pass through untouched. Still to come: the console WebSocket (ws.link).
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
