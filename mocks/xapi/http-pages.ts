/**
 * The error replies of xapi's HTTP server (ocaml/libs/http-lib/http_svr.ml and http.ml):
 * bodies, status codes and headers as a client sees them.
 */
import type { WireReply } from './endpoints';

const NO_CACHE = { Connection: 'close', 'Cache-Control': 'no-cache, no-store' };

const INTERNAL_ERROR_TEXT =
  '<html><body><h1>HTTP 500 internal server error</h1>An unexpected error occurred; please wait a while and ' +
  'try again. If the problem persists, please contact your support representative.';

/** http_svr.ml's escape_html, for the exception text a 500 page carries. */
function escapeHtml(text: string): string {
  const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;', '&': '&amp;' };
  return text.replace(/[<>'"&]/g, (c) => entities[c]);
}

/** response_internal_error's page, with the exception (as OCaml's Printexc prints it) when there is one. */
export function internalErrorPage(exception?: string): string {
  const extra = exception === undefined ? '' : `<h1> Additional information </h1>${escapeHtml(exception)}`;
  return `${INTERNAL_ERROR_TEXT}${extra}</body></html>`;
}

/** response_internal_error: a handler raised `exception`. */
export function internalError(exception: string): WireReply {
  return { status: 500, headers: { 'Content-Type': 'text/html', ...NO_CACHE }, body: internalErrorPage(exception) };
}

/** response_unauthorised: no valid session or credentials for an HTTP action named `realm`. */
export function unauthorised(realm: string): WireReply {
  return {
    status: 401,
    headers: { 'Content-Type': 'text/html', ...NO_CACHE, 'WWW-Authenticate': `Basic realm="${realm}"` },
    body: '<html><body><h1>HTTP 401 unauthorised</h1>Please check your credentials and retry.</body></html>',
  };
}

/** http_400_badrequest as a handler writes it: the status line and headers, no body. */
export function badRequest(): WireReply {
  return { status: 400, headers: { ...NO_CACHE }, body: '' };
}
