/**
 * The HTTP answers xapi gives a console request it will not serve, status line, headers
 * and body as its http_svr.ml writes them: 401 for a missing or bad session, 500 (with
 * the exception's name) for a console it cannot find or a VM that is not running here,
 * 503 when limit_console_sessions stops it.
 */

export interface HttpRefusal {
  status: number;
  reason: string;
  /** '1.0' or '1.1': most answers follow the request's version; some are fixed. */
  version: string;
  headers: Record<string, string>;
  body: string;
}

/** Every error page closes the connection and forbids caching (response_error_html). */
const ERROR_PAGE_HEADERS = { 'Content-Type': 'text/html', Connection: 'close', 'Cache-Control': 'no-cache, no-store' };

/** http_svr.ml's escape_html. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[<>'"&]/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;', '&': '&amp;' })[ch] as string,
  );
}

/** The realm names the HTTP action: connect_console for CONNECT, connect_console_ws for the WebSocket GET. */
export function unauthorised(realm: string, version: string): HttpRefusal {
  return {
    status: 401,
    reason: 'Unauthorised',
    version,
    headers: { ...ERROR_PAGE_HEADERS, 'WWW-Authenticate': `Basic realm="${realm}"` },
    body: '<html><body><h1>HTTP 401 unauthorised</h1>Please check your credentials and retry.</body></html>',
  };
}

/** response_internal_error with the exception that ended the handler, as OCaml prints it. */
export function internalError(exception: string, version: string): HttpRefusal {
  return {
    status: 500,
    reason: 'Internal Error',
    version,
    headers: ERROR_PAGE_HEADERS,
    body:
      '<html><body><h1>HTTP 500 internal server error</h1>An unexpected error occurred; please wait a while ' +
      'and try again. If the problem persists, please contact your support representative.' +
      `<h1> Additional information </h1>${escapeHtml(exception)}</body></html>`,
  };
}

/** go_if_no_limit: a WebSocket console is refused outright while the pool limits console sessions. */
export function serviceUnavailable(): HttpRefusal {
  return {
    status: 503,
    reason: 'Service Unavailable',
    version: '1.0',
    headers: { Connection: 'close', 'Cache-Control': 'no-cache, no-store' },
    body: '',
  };
}

/** respond_console_limit_exceeded: someone is already connected and the pool allows one. */
export function connectionLimitExceeded(vm: string, users: string[], version: string): HttpRefusal {
  const who =
    users.length === 1 ? `User '${escapeHtml(users[0])}' is` : `Users '${users.map(escapeHtml).join(', ')}' are`;
  return {
    status: 503,
    reason: 'Connection Limit Exceeded',
    version,
    headers: ERROR_PAGE_HEADERS,
    body:
      `<html><body><h1>Connection Limit Exceeded</h1><p>${who} currently connected to this console ` +
      `(VM ${vm}). No more connections are allowed when limit_console_sessions is enabled.</p></body></html>`,
  };
}

/** The refusal as bytes on the wire. */
export function refusalText(refusal: HttpRefusal): string {
  const headers = { ...refusal.headers };
  if (refusal.body) headers['Content-Length'] = String(new TextEncoder().encode(refusal.body).length);
  const lines = [`HTTP/${refusal.version} ${refusal.status} ${refusal.reason}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${refusal.body}`;
}
