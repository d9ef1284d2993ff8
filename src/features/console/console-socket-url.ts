/**
 * The WebSocket URL of a console of a connected pool. A location naming a pool member
 * goes through the proxy to that member (`/pool/<member>`); one naming the master, or
 * none (the simulator's), goes where the pool was reached, which works from here even
 * when the master's own idea of its address does not (as /rrd_updates does).
 */
import { getConnection, hostBaseUrl } from '../../store/connections';
import { useMirror } from '../../store/mirror-store';
import { consoleLocationHost, consolePath, consoleSocketUrl } from '../../xapi/console-location';

function masterAddress(poolId: string): string | undefined {
  const objects = useMirror.getState().pools[poolId]?.objects;
  const master = Object.values(objects?.pool ?? {})[0]?.master;
  return master ? objects?.host?.[master]?.address : undefined;
}

export async function consoleSocketUrlFor(poolId: string, location: string): Promise<string> {
  const connection = getConnection(poolId);
  const session = connection.session ?? (await connection.login());
  const host = consoleLocationHost(location);
  const member = host !== undefined && host !== masterAddress(poolId) ? host : undefined;
  return consoleSocketUrl(consolePath(hostBaseUrl(poolId, member), location, session), window.location);
}
