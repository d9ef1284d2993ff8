/**
 * One JSON-RPC call from the proxy to a pool, on the proxy's own behalf (the console
 * bridge asks where a console lives). Uses the same agents, and so the same certificate
 * policy, as the calls it forwards for the browser.
 */
import http from 'node:http';
import https from 'node:https';
import type { Agents } from './proxy';

/** A lookup that takes longer than this is abandoned. */
const CALL_TIMEOUT_MS = 10_000;

export class XapiCallError extends Error {}

export function xapiCall(upstream: URL, agents: Agents, method: string, params: unknown[]): Promise<unknown> {
  const target = new URL('/jsonrpc', upstream);
  const secure = target.protocol === 'https:';
  const body = JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 });
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        timeout: CALL_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              result?: unknown;
              error?: { message?: string };
            };
            if (reply.error) reject(new XapiCallError(reply.error.message ?? 'XAPI error'));
            else resolve(reply.result);
          } catch {
            reject(new XapiCallError(`${method}: HTTP ${response.statusCode}`));
          }
        });
      },
    );
    request.on('timeout', () => request.destroy(new XapiCallError(`${method}: no answer`)));
    request.on('error', reject);
    request.end(body);
  });
}
