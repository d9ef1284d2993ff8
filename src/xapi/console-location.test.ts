import { describe, expect, it } from 'vitest';
import { consoleLocationHost, consolePath, consoleSocketUrl } from './console-location';

const CONSOLE = '5f2a9c1e-7b3d-4e8f-a6c0-1d2b3e4f5a6b';
const SESSION = 'OpaqueRef:0c9e1f4a-2b7d-4c3e-9a8f-6d5e4c3b2a10';

describe('consoleLocationHost', () => {
  it('reads the host of a location as xapi writes it', () => {
    expect(consoleLocationHost(`https://10.0.0.5/console?uuid=${CONSOLE}`)).toBe('10.0.0.5');
    expect(consoleLocationHost(`https://xen2.example.com/console?uuid=${CONSOLE}`)).toBe('xen2.example.com');
  });

  it('gives an IPv6 host without brackets, as host.address holds it', () => {
    expect(consoleLocationHost(`https://[fd00::12]/console?uuid=${CONSOLE}`)).toBe('fd00::12');
  });

  it('has no host for a path on the pool’s own address, as the simulator writes it', () => {
    expect(consoleLocationHost(`/console?uuid=${CONSOLE}`)).toBeUndefined();
    expect(consoleLocationHost('/console?ref=OpaqueRef:1')).toBeUndefined();
  });
});

describe('consolePath', () => {
  it('puts the location’s path and query under the base URL, with the session', () => {
    expect(consolePath('/sim/demo', `/console?uuid=${CONSOLE}`, SESSION)).toBe(
      `/sim/demo/console?uuid=${CONSOLE}&session_id=${encodeURIComponent(SESSION)}`,
    );
    expect(consolePath('/pool/10.0.0.5', `https://10.0.0.5/console?uuid=${CONSOLE}`, SESSION)).toBe(
      `/pool/10.0.0.5/console?uuid=${CONSOLE}&session_id=${encodeURIComponent(SESSION)}`,
    );
  });

  it('keeps a ref= location’s ref, and replaces a stale session rather than adding a second', () => {
    const path = consolePath('', '/console?ref=OpaqueRef:7&session_id=OpaqueRef:old', SESSION);
    const query = new URLSearchParams(path.split('?')[1]);
    expect(query.get('ref')).toBe('OpaqueRef:7');
    expect(query.getAll('session_id')).toEqual([SESSION]);
  });
});

describe('consoleSocketUrl', () => {
  it('follows the page’s scheme to its own origin', () => {
    expect(consoleSocketUrl('/sim/demo/console?uuid=x', { protocol: 'http:', host: '127.0.0.1:4173' })).toBe(
      'ws://127.0.0.1:4173/sim/demo/console?uuid=x',
    );
    expect(consoleSocketUrl('/pool/xen1/console?uuid=x', { protocol: 'https:', host: 'xenith.example.com' })).toBe(
      'wss://xenith.example.com/pool/xen1/console?uuid=x',
    );
  });
});
