/**
 * The simulators inside the page: msw's service worker catches the app's requests
 * under /sim/<scenario>/ (so the console can connect to `demo` and `large` at once,
 * each a pool of its own) and this page hands each one to a Web Worker that runs the
 * simulators (mocks/simulator-worker.ts), so the model's work stays off the thread
 * that renders. src/main.tsx loads this on demand, only when a simulator is the target.
 */
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { SCENARIO_NAMES, type ScenarioName } from './sim/scenarios/names';
import type { PageMessage, WorkerReply } from './simulator-worker-protocol';

export interface BrowserSimulatorOptions {
  /** Virtual milliseconds per real millisecond. */
  speed?: number;
  seed?: number;
}

/** Where a scenario's endpoints live: POST <this>/jsonrpc. */
export const simulatorPath = (scenario: ScenarioName) => `/sim/${scenario}`;

let started: Promise<void> | undefined;

/** Starts the simulator worker and msw once; later calls share the first. */
export function startSimulators({ speed = 1, seed }: BrowserSimulatorOptions = {}): Promise<void> {
  started ??= (async () => {
    const worker = new Worker(new URL('./simulator-worker.ts', import.meta.url), {
      type: 'module',
      name: 'xenith-simulator',
    });
    const send = (message: PageMessage, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
    send({ kind: 'settings', speed, seed });

    const waiting = new Map<number, (reply: WorkerReply) => void>();
    let nextId = 1;
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      waiting.get(data.id)?.(data);
      waiting.delete(data.id);
    };

    const handlers = SCENARIO_NAMES.map((scenario) => {
      const prefix = simulatorPath(scenario);
      return http.all(`${prefix}/*`, async ({ request }) => {
        const id = nextId++;
        const body = await request.arrayBuffer();
        const reply = new Promise<WorkerReply>((resolve) => waiting.set(id, resolve));
        const url = new URL(request.url);
        send(
          {
            kind: 'request',
            id,
            scenario,
            method: request.method,
            pathname: url.pathname.slice(prefix.length),
            search: url.search.slice(1),
            headers: Object.fromEntries(request.headers),
            body,
          },
          [body],
        );
        const { status, headers, body: replyBody } = await reply;
        return new HttpResponse(replyBody, { status, headers });
      });
    });
    // Everything the handlers do not claim (the app's own files, other origins) goes to the network.
    await setupWorker(...handlers).start({ onUnhandledRequest: 'bypass', quiet: true });
  })();
  return started;
}
