/**
 * `npm run sim` as a process: it prints where it listens, serves XAPI over real
 * HTTP, and stops cleanly on SIGTERM or SIGINT.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startSim } from '../scripts/sim-process';

function rpc(url: string, method: string, params: unknown[]): Promise<Response> {
  return fetch(`${url}/jsonrpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
  });
}

async function result<T>(response: Promise<Response>): Promise<T> {
  return ((await (await response).json()) as { result: T }).result;
}

describe('npm run sim', () => {
  it('serves login over HTTP on the port it prints, names the account, and exits 0 on SIGTERM', async () => {
    const sim = await startSim(['--scenario', 'demo']);
    try {
      expect(sim.output()).toContain('root / xenith');
      const response = await rpc(sim.url, 'session.login_with_password', ['root', 'xenith']);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toMatchObject({
        jsonrpc: '2.0',
        result: expect.stringMatching(/^OpaqueRef:/),
        id: 1,
      });
    } finally {
      expect(await sim.stop('SIGTERM')).toBe(0);
    }
  });

  it('replaces the default account with the --user accounts', async () => {
    const sim = await startSim(['--scenario', 'demo', '--user', 'ops:s3cret', '--user', 'audit:read:only']);
    try {
      expect(sim.output()).toContain('ops / s3cret');
      expect(await result<string>(rpc(sim.url, 'session.login_with_password', ['audit', 'read:only']))).toMatch(
        /^OpaqueRef:/,
      );
      const refused = (await (await rpc(sim.url, 'session.login_with_password', ['root', 'xenith'])).json()) as {
        error: { message: string };
      };
      expect(refused.error.message).toBe('SESSION_AUTHENTICATION_FAILED');
    } finally {
      await sim.stop();
    }
  });

  it('exits 0 on SIGINT without waiting for an open event.from long poll', async () => {
    const sim = await startSim(['--scenario', 'demo']);
    const session = await result<string>(rpc(sim.url, 'session.login_with_password', ['root', 'xenith']));
    const { token } = await result<{ token: string }>(rpc(sim.url, 'event.from', [session, ['pool_patch'], '', 60]));
    // Nothing changes pool_patch objects, so this poll would wait a minute of (real-time) virtual time.
    const poll = rpc(sim.url, 'event.from', [session, ['pool_patch'], token, 60]).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await sim.stop('SIGINT')).toBe(0);
    expect(await poll).toBeInstanceOf(Error);
  });

  it('refuses an unknown scenario with its usage and exit code 2', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'mocks/server.ts', '--port', '0', '--scenario', 'nope'],
      {
        cwd: `${import.meta.dirname}/..`,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run sim');
  });
});
