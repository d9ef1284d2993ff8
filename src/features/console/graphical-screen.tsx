/**
 * An rfb console in noVNC, loaded as a chunk of its own the first time a graphical
 * console shows. Each connection the link accepts gets a new RFB client (they are single
 * use); the screen is an application region that hands the keyboard to noVNC's canvas
 * when it takes the focus.
 */
import RFB from '@novnc/novnc';
import { useEffect, useRef, useState } from 'react';
import { rfbChannel } from './rfb-channel';
import { type GraphicalScreenHandle, listenForLeaveKey, type ScreenProps } from './screen-handle';

export function GraphicalScreen({ link, scale, label, hintId, onHandle, onLeave }: ScreenProps<GraphicalScreenHandle>) {
  const host = useRef<HTMLDivElement>(null);
  const [rfb, setRfb] = useState<RFB>();
  const latest = useRef({ onLeave, onHandle });
  latest.current = { onLeave, onHandle };

  useEffect(() => {
    const element = host.current!;
    let current: { rfb: RFB; detach: () => void; connected: boolean; ended: boolean } | undefined;
    const release = () => {
      if (!current) return;
      current.detach();
      // A client the host already left has disconnected itself; noVNC logs an error if told again.
      if (!current.ended) current.rfb.disconnect();
      current = undefined;
    };
    const unsubscribe = link.subscribe({
      connection: (connection) => {
        release();
        const { channel, start, detach } = rfbChannel(connection);
        const client = new RFB(element, channel, { shared: true });
        const entry = { rfb: client, detach, connected: false, ended: false };
        client.addEventListener('connect', () => {
          entry.connected = true;
        });
        client.addEventListener('disconnect', () => {
          entry.ended = true;
        });
        // Dropped during the RFB handshake: noVNC takes a close then for a failure (and logs
        // it as an error), so it is disconnected instead, as when the page lets it go.
        connection.onClose(() => {
          if (current === entry && !entry.connected) release();
        });
        client.background = 'transparent';
        current = entry;
        start();
        setRfb(client);
      },
    });
    const stopLeaveKey = listenForLeaveKey(element, () => latest.current.onLeave());
    latest.current.onHandle({
      focus: () => current?.rfb.focus(),
      sendCtrlAltDel: () => current?.rfb.sendCtrlAltDel(),
    });
    return () => {
      latest.current.onHandle(undefined);
      stopLeaveKey();
      unsubscribe();
      release();
    };
  }, [link]);

  useEffect(() => {
    if (rfb) rfb.scaleViewport = scale;
  }, [rfb, scale]);

  return (
    // noVNC's canvas takes the keys; this region names it and passes the focus on.
    <div
      ref={host}
      role="application"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: an application region is interactive, and Tab must reach it.
      tabIndex={0}
      className={scale ? 'console-screen console-graphical console-scaled' : 'console-screen console-graphical'}
      aria-label={label}
      aria-describedby={hintId}
      onFocus={(event) => {
        if (event.target === event.currentTarget) rfb?.focus();
      }}
    />
  );
}
