/**
 * The console WebSocket through msw (as the page's worker serves it): the same consoles
 * as `npm run sim`, and refusals as a browser sees them, a close with code 1006.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../src/xapi/model/types';
import { startTestSimulator } from './node';
import { named } from './sim/lookup';
import { login } from './xapi/testing';

const pool = startTestSimulator({ scenario: 'demo' });
let session: string;

beforeEach(async () => {
  pool.reset();
  session = await login(pool.sim);
});

afterAll(() => {
  pool.stop();
});

const consoleUrl = (location: string, sessionId: string) => {
  const url = new URL(location, pool.baseUrl);
  url.protocol = 'ws:';
  url.searchParams.set('session_id', sessionId);
  return url.href;
};

function vt100Of(name: string): XapiRecord<'console'> {
  const { sim } = pool;
  return sim.db
    .get<XapiRecord<'VM'>>('VM', named(sim, 'VM', name))
    .consoles.map((ref) => sim.db.get<XapiRecord<'console'>>('console', ref))
    .find((c) => c.protocol === 'vt100')!;
}

/** Opens a socket and collects what it receives until `until` holds or it closes. */
function open(url: string, protocols: string[] = ['binary']) {
  const socket = new WebSocket(url, protocols);
  socket.binaryType = 'arraybuffer';
  let text = '';
  const events: string[] = [];
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
  socket.addEventListener('open', () => events.push('open'));
  socket.addEventListener('message', (e) => {
    events.push(e.data instanceof ArrayBuffer ? 'binary' : typeof e.data);
    text += new TextDecoder().decode(e.data as ArrayBuffer).replace(/\r\n/g, '\n');
  });
  const until = async (done: (text: string) => boolean) => {
    for (let i = 0; i < 200 && !done(text); i++) await new Promise((r) => setTimeout(r, 5));
    return text;
  };
  return { socket, events, closed, until };
}

describe('the console WebSocket in msw', () => {
  it('carries a guest’s text console as binary messages, both ways', async () => {
    const { socket, events, until } = open(consoleUrl(vt100Of('web-01').location, session));
    expect(await until((t) => t.endsWith('web-01 login: '))).toContain('Debian GNU/Linux 12 (bookworm) web-01 ttyS0');
    expect(events[0]).toBe('open');
    expect(events.slice(1).every((e) => e === 'binary')).toBe(true);
    socket.send('root\rxenith\r');
    socket.send(new TextEncoder().encode('nproc\r'));
    expect(await until((t) => t.includes('nproc\n2\n'))).toContain('root@web-01:~# nproc\n2\nroot@web-01:~# ');
    socket.close();
  });

  it('refuses a bad session, an unknown console and a client that did not offer "binary" as a browser sees it', async () => {
    for (const [url, protocols] of [
      [consoleUrl(vt100Of('web-01').location, 'OpaqueRef:nope'), ['binary']],
      [consoleUrl('/console?uuid=no-such', session), ['binary']],
      [consoleUrl(vt100Of('web-01').location, session), []],
    ] as const) {
      const { events, closed } = open(url, [...protocols]);
      expect(await closed).toBe(1006);
      expect(events).toEqual([]);
    }
  });

  it('drops the connection when the guest powers off', async () => {
    const { socket, closed, until } = open(consoleUrl(vt100Of('web-01').location, session));
    await until((t) => t.endsWith('login: '));
    socket.send('root\rxenith\rpoweroff\r');
    await until((t) => t.includes('poweroff\n'));
    pool.sim.clock.advance(10_000);
    expect(await closed).toBe(1006);
    expect(pool.sim.db.get<XapiRecord<'VM'>>('VM', named(pool.sim, 'VM', 'web-01')).power_state).toBe('Halted');
  });
});
