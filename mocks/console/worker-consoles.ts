/**
 * The simulator worker's side of the page's console WebSockets (mocks/browser.ts catches
 * them with msw and forwards them here): each is opened with openConsole, as on
 * `npm run sim`, and its bytes cross as transferred ArrayBuffers.
 */
import type { ScenarioName } from '../sim/scenarios/names';
import type { Simulator } from '../sim/simulator';
import type { ConsoleClose, ConsoleInput, ConsoleOpen, WorkerMessage } from '../simulator-worker-protocol';
import { type ConsoleSession, openConsole } from './console-sessions';

export class WorkerConsoles {
  private readonly sessions = new Map<number, ConsoleSession>();

  constructor(
    private readonly simFor: (scenario: ScenarioName) => Simulator,
    private readonly post: (message: WorkerMessage, transfer: Transferable[]) => void,
  ) {}

  handle(message: ConsoleOpen | ConsoleInput | ConsoleClose): void {
    switch (message.kind) {
      case 'console-open':
        this.open(message);
        return;
      case 'console-input':
        this.sessions.get(message.id)?.receive(new Uint8Array(message.data));
        return;
      case 'console-close':
        this.sessions.get(message.id)?.close();
        this.sessions.delete(message.id);
        return;
    }
  }

  private open({ id, scenario, search }: ConsoleOpen): void {
    const opening = openConsole(this.simFor(scenario), { route: 'websocket', query: new URLSearchParams(search) });
    if ('refusal' in opening) {
      this.post({ kind: 'console-opened', id, accepted: false }, []);
      return;
    }
    const session = opening.accept();
    this.sessions.set(id, session);
    this.post({ kind: 'console-opened', id, accepted: true }, []);
    session.onSend((bytes) => {
      const data = bytes.slice().buffer;
      this.post({ kind: 'console-output', id, data }, [data]);
    });
    session.onClose(() => {
      this.sessions.delete(id);
      this.post({ kind: 'console-ended', id }, []);
    });
  }
}
