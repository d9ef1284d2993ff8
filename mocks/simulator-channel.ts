/**
 * The page's line to the simulator's Web Worker, which a console window opened from
 * the page shares. The in-browser simulator lives in one page: a console opened "in a
 * separate window" must show the same simulated pool (the same guest, the same shell),
 * not a fresh copy, so that window's msw handlers send to the worker of the page that
 * opened it, through this channel, instead of starting a worker of their own. Message
 * ids come from the channel, so both pages' requests and consoles can share the worker.
 */
import type { PageMessage, WorkerMessage } from './simulator-worker-protocol';

export interface SimulatorChannel {
  /** A number no other request or console on this worker has. */
  nextId(): number;
  send(message: PageMessage, transfer?: Transferable[]): void;
  /**
   * Every message from the worker; each page keeps the ones whose ids it gave. `owner`
   * is the window whose code the listener is: once that window has closed, its code
   * can no longer run and the listener is dropped.
   */
  listen(listener: (message: WorkerMessage) => void, owner: Window): () => void;
}

/** Where a page that runs the simulator offers its channel to the windows it opens. */
const SHARED = 'xenithSimulators';

type SharingWindow = Window & { [SHARED]?: SimulatorChannel };

/** Starts the worker and offers its channel to windows this page opens. */
export function ownChannel(worker: Worker): SimulatorChannel {
  let lastId = 0;
  const listeners = new Map<(message: WorkerMessage) => void, Window>();
  worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
    for (const [listener, owner] of [...listeners]) {
      try {
        listener(data);
      } catch (error) {
        // A window that listened has closed: its code can no longer run. Any other
        // failure is a bug to report; the listener stays, or its page would go deaf.
        if (owner !== window && owner.closed) listeners.delete(listener);
        else reportError(error);
      }
    }
  };
  const channel: SimulatorChannel = {
    nextId: () => ++lastId,
    send: (message, transfer = []) => worker.postMessage(message, transfer),
    listen: (listener, owner) => {
      listeners.set(listener, owner);
      return () => listeners.delete(listener);
    },
  };
  (window as SharingWindow)[SHARED] = channel;
  return channel;
}

/**
 * The channel of the page that opened this window, when that page runs the simulator
 * (same origin); undefined otherwise. Reading another origin's window throws.
 */
export function openerChannel(): SimulatorChannel | undefined {
  try {
    return (window.opener as SharingWindow | null)?.[SHARED];
  } catch {
    return undefined;
  }
}
