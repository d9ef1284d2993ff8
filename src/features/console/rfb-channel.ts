/**
 * One console connection, shaped as the WebSocket noVNC expects. noVNC is told the
 * channel is open from the start (the connection holds what it sends until the socket
 * opens; ConsoleLink decides what is a refusal and when to reconnect), so its own socket
 * handling sees an open socket that later closes.
 * A new connection gets a new RFB client: noVNC's are single use.
 */
import type { RfbChannel } from '@novnc/novnc';
import type { ConsoleConnection } from './console-link';

const OPEN = 1;
const CLOSED = 3;

export interface AttachedChannel {
  channel: RfbChannel;
  /** Hands noVNC what the host has said so far, and everything after; call once RFB holds the channel. */
  start(): void;
  /** The page is done with this client: its closing must not close the connection (the link owns it). */
  detach(): void;
}

export function rfbChannel(connection: ConsoleConnection): AttachedChannel {
  let detached = false;
  const closed = () => {
    if (channel.readyState === CLOSED) return;
    channel.readyState = CLOSED;
    channel.onclose?.({ code: 1006, reason: '', wasClean: false });
  };
  const channel: RfbChannel = {
    binaryType: 'arraybuffer',
    protocol: 'binary',
    readyState: OPEN,
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    // noVNC sends a view of a buffer it reuses at once; the bytes may be read later (msw reads them after an await).
    send: (data) => connection.send(data.slice()),
    close: () => {
      if (!detached) connection.close();
      // noVNC waits for the close event to finish disconnecting; it comes after close() returns, as a socket's would.
      setTimeout(closed, 0);
    },
  };
  const stopListening: (() => void)[] = [];
  return {
    channel,
    start: () => {
      stopListening.push(
        connection.onData((bytes) => {
          if (!detached) channel.onmessage?.({ data: bytes.buffer });
        }),
        // A client let go is finished by its own close(), not by the connection ending.
        connection.onClose(() => {
          if (!detached) closed();
        }),
      );
    },
    detach: () => {
      detached = true;
      // What the host says next is for the next client on this connection, if any.
      for (const stop of stopListening.splice(0)) stop();
    },
  };
}
