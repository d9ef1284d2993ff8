/**
 * The link to the console shown, made when its record appears and stopped when the
 * page leaves it or the record goes, with its state for the page to put in words.
 */
import { useEffect, useState } from 'react';
import { getConnection } from '../../store/connections';
import { useMirror } from '../../store/mirror-store';
import type { ConsoleEntry } from './console-choice';
import { ConsoleLink, type LinkState } from './console-link';
import { consoleSocketUrlFor } from './console-socket-url';

export function useConsoleLink(
  poolId: string,
  vmRef: string | undefined,
  entry: ConsoleEntry | undefined,
): { link: ConsoleLink | undefined; state: LinkState } {
  const [live, setLive] = useState<{ key: string; link: ConsoleLink; state: LinkState }>();
  const consoleRef = entry?.ref;
  const location = entry?.location;
  // Which console the link is for: in the render after the console changes, before the
  // effect has made the new link, the old one is stopped and must not reach a screen.
  const key = JSON.stringify([poolId, vmRef, consoleRef, location]);

  useEffect(() => {
    if (vmRef === undefined || consoleRef === undefined || location === undefined) return;
    const link = new ConsoleLink({
      url: () => consoleSocketUrlFor(poolId, location),
      // Read when the connection drops: a VM that stopped has no console to come back to.
      mayReconnect: () => useMirror.getState().pools[poolId]?.objects.VM?.[vmRef]?.power_state === 'Running',
      sessionLive: () => getConnection(poolId).hasLiveSession(),
    });
    setLive({ key, link, state: link.state });
    const unsubscribe = link.subscribe({ state: (state) => setLive({ key, link, state }) });
    link.start();
    return () => {
      unsubscribe();
      link.stop();
      setLive(undefined);
    };
  }, [key, poolId, vmRef, consoleRef, location]);

  const current = live?.key === key ? live : undefined;
  return { link: current?.link, state: current?.state ?? { kind: 'connecting' } };
}
