/**
 * The simulators inside the page: msw's service worker catches the app's requests
 * under /sim/<scenario>/ (so the console can connect to `demo` and `large` at once,
 * each a pool of its own) and this page hands each one to a Web Worker that runs the
 * simulators (mocks/simulator-worker.ts), so the model's work stays off the thread
 * that renders. Console WebSockets under /sim/<scenario>/console are caught here too
 * (msw's ws.link) and their bytes passed to and from the worker. src/main.tsx loads
 * this on demand, only when a simulator is the target. A console window opened from
 * such a page reaches that page's worker (simulator-channel.ts).
 */
import { HttpResponse, http, ws } from 'msw';
import { setupWorker } from 'msw/browser';
import { binaryMessage, messageBytes } from './console/message-bytes';
import { watchOpener } from './opener-watch';
import { SCENARIO_NAMES, type ScenarioName } from './sim/scenarios/names';
import { openerChannel, ownChannel, type SimulatorChannel } from './simulator-channel';
import type { PageMessage, WorkerMessage, WorkerReply } from './simulator-worker-protocol';

export interface BrowserSimulatorOptions {
  /** Virtual milliseconds per real millisecond. */
  speed?: number;
  seed?: number;
}

/** Where a scenario's endpoints live: POST <this>/jsonrpc. */
export const simulatorPath = (scenario: ScenarioName) => `/sim/${scenario}`;

let started: Promise<void> | undefined;
let toWorker: ((message: PageMessage) => void) | undefined;
/** Whether the page whose simulator this window shared has gone, and who wants to know. */
let sharedGone = false;
const goneListeners = new Set<() => void>();

/**
 * Calls `listener` (at once, if it has happened) when the page that opened this window,
 * whose simulator it shares, closes or reloads: from then on nothing here answers.
 */
export function whenSharedSimulatorGone(listener: () => void): void {
  if (sharedGone) listener();
  else goneListeners.add(listener);
}

/**
 * Starts the simulator worker and msw once; later calls share the first. A console
 * window opened from a page that runs the simulator uses that page's worker instead
 * (simulator-channel.ts), so both show the same pool.
 */
export function startSimulators({ speed = 1, seed }: BrowserSimulatorOptions = {}): Promise<void> {
  started ??= (async () => {
    const shared = openerChannel();
    let channel: SimulatorChannel;
    if (shared) channel = shared;
    else {
      const worker = new Worker(new URL('./simulator-worker.ts', import.meta.url), {
        type: 'module',
        name: 'xenith-simulator',
      });
      channel = ownChannel(worker);
      channel.send({ kind: 'settings', speed, seed });
    }
    const send = (message: PageMessage, transfer: Transferable[] = []) => channel.send(message, transfer);
    toWorker = send;

    /** Requests waiting for the worker; undefined when it will never answer. */
    const waiting = new Map<number, (reply: WorkerReply | undefined) => void>();
    const consoles = new Map<number, ConsoleClient>();
    const stopListening = channel.listen((data) => {
      if (data.kind === 'reply') {
        waiting.get(data.id)?.(data);
        waiting.delete(data.id);
      } else consoleMessage(consoles, data);
    }, window);
    if (shared) {
      const opener = window.opener as Window;
      const stopWatching = watchOpener(opener, () => {
        // The opener's worker went with it: fail what waits, end the consoles as a lost host would.
        sharedGone = true;
        try {
          stopListening();
        } catch {
          // The opener closed: its list of listeners went with it.
        }
        for (const resolve of waiting.values()) resolve(undefined);
        waiting.clear();
        for (const client of consoles.values()) client.close(1006);
        consoles.clear();
        for (const listener of goneListeners) listener();
        goneListeners.clear();
      });
      // The worker outlives this window: let go of its consoles when the window goes.
      window.addEventListener('pagehide', () => {
        stopWatching();
        if (sharedGone) return;
        stopListening();
        for (const id of consoles.keys()) send({ kind: 'console-close', id });
        consoles.clear();
      });
    }

    // One handler for every scenario: msw matches each request against every handler, on the page's thread.
    const requests = http.all('/sim/:scenario/*', async ({ request, params }) => {
      const scenario = SCENARIO_NAMES.find((name) => name === params.scenario);
      if (!scenario) return undefined;
      // A network error, as from a host that is gone.
      if (sharedGone) return HttpResponse.error();
      const prefix = simulatorPath(scenario);
      const id = channel.nextId();
      const body = await request.arrayBuffer();
      const reply = new Promise<WorkerReply | undefined>((resolve) => waiting.set(id, resolve));
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
      const answer = await reply;
      if (!answer) return HttpResponse.error();
      return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers });
    });
    const consoleLinks = SCENARIO_NAMES.map((scenario) =>
      ws.link(`${simulatorPath(scenario)}/console`).addEventListener('connection', ({ client, info }) => {
        // xapi always answers with the "binary" subprotocol; a browser rejects it unless offered.
        // Once the shared simulator has gone, nothing answers at all.
        if (sharedGone || ![info.protocols ?? []].flat().includes('binary')) {
          client.close(1006);
          return;
        }
        const id = channel.nextId();
        consoles.set(id, client);
        send({ kind: 'console-open', id, scenario, search: client.url.search });
        let sent = Promise.resolve();
        client.addEventListener('message', (event) => {
          sent = sent.then(async () => {
            const data = (await messageBytes(event.data)).slice().buffer;
            send({ kind: 'console-input', id, data }, [data]);
          });
        });
        client.addEventListener('close', () => {
          if (consoles.delete(id)) send({ kind: 'console-close', id });
        });
      }),
    );
    // Everything the handlers do not claim (the app's own files, other origins) goes to the network.
    await setupWorker(requests, ...consoleLinks).start({ onUnhandledRequest: 'bypass', quiet: true });
  })();
  return started;
}

/**
 * Starts the simulators and has the worker build a scenario ahead of the first
 * request: `large` takes about a second to build, which the person then spends on
 * the connect form rather than waiting after Connect.
 */
export async function prepareScenario(scenario: string): Promise<void> {
  await startSimulators();
  const known = SCENARIO_NAMES.find((name) => name === scenario);
  if (known) toWorker?.({ kind: 'prepare', scenario: known });
}

type ConsoleClient = Parameters<Parameters<ReturnType<typeof ws.link>['addEventListener']>[1]>[0]['client'];

/**
 * The worker's side of a console reached the page. The simulator decides whether a
 * console opens only after msw has opened the page's socket, so a refused console
 * opens and at once closes with 1006 (a browser facing a pool sees no open).
 */
function consoleMessage(consoles: Map<number, ConsoleClient>, message: Exclude<WorkerMessage, WorkerReply>): void {
  const client = consoles.get(message.id);
  if (!client) return;
  if (message.kind === 'console-output') {
    const socket = (client as { socket?: { binaryType?: string } }).socket;
    client.send(binaryMessage(new Uint8Array(message.data), socket?.binaryType));
  } else if (message.kind === 'console-ended' || !message.accepted) {
    // When the console ends, wsproxy drops the connection without a closing handshake.
    consoles.delete(message.id);
    client.close(1006);
  }
}
