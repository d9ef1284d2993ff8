import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './routes';

describe('the console window’s address', () => {
  it('comes back as the route it was built from, with the console chosen', () => {
    const path = paths.consoleWindow('sim-demo', 'VM', 'c4a3e8b2-0d5e-4b7f-9a51-2f4c1d9e7a10', 'text');
    const [pathname, search] = path.split('?');
    expect(parseRoute(pathname, `?${search}`)).toEqual({
      name: 'console-window',
      poolId: 'sim-demo',
      cls: 'VM',
      uuid: 'c4a3e8b2-0d5e-4b7f-9a51-2f4c1d9e7a10',
      mode: 'text',
    });
  });

  it('keeps a pool address with a port, and ignores a console type it does not know', () => {
    const path = paths.consoleWindow('10.0.0.5:8443', 'host', 'h-1');
    expect(path).toBe('/console/10.0.0.5%3A8443/host/h-1');
    expect(parseRoute(path, '?mode=serial')).toEqual({
      name: 'console-window',
      poolId: '10.0.0.5:8443',
      cls: 'host',
      uuid: 'h-1',
    });
  });
});
