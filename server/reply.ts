import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** A short plain-text answer: errors a person may read in the browser's network panel. */
export function sendText(res: ServerResponse, status: number, body: string, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
