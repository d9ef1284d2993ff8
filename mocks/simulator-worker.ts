/**
 * The in-browser simulators, in a Web Worker so that building a scenario, answering
 * calls and running the virtual clock never compete with the page's rendering. The
 * page forwards every request msw catches under /sim/<scenario>/ (mocks/browser.ts);
 * this answers it with the same endpoints `npm run sim` serves.
 */
import { WorkerConsoles } from './console/worker-consoles';
import { createSimulator, type ScenarioName } from './sim/scenarios/index';
import type { Simulator } from './sim/simulator';
import type { PageMessage, WorkerMessage, WorkerReply, WorkerRequest } from './simulator-worker-protocol';
import { answerGet, answerPost, answerPreflight, type WireReply } from './xapi/endpoints';

/** The worker's side of the channel (tsconfig's lib is the page's DOM, not WebWorker's). */
const scope = self as unknown as {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
};

let settings: { speed: number; seed?: number } = { speed: 1 };
const sims = new Map<ScenarioName, Simulator>();
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A scenario is built on its first request, and its clock then follows wall time. */
function simFor(scenario: ScenarioName): Simulator {
  let sim = sims.get(scenario);
  if (!sim) {
    sim = createSimulator({ scenario, seed: settings.seed });
    sim.clock.startRealTime(settings.speed);
    sims.set(scenario, sim);
  }
  return sim;
}

const NOT_FOUND: WireReply = { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' };

function answer(request: WorkerRequest): WireReply | Promise<WireReply> {
  switch (request.method) {
    case 'POST':
      return answerPost(simFor(request.scenario), request.pathname, decoder.decode(request.body));
    case 'OPTIONS':
      return answerPreflight(request.headers['access-control-request-headers'] ?? null);
    case 'GET': {
      const { accept = null, cookie = null, authorization = null } = request.headers;
      const get = { pathname: request.pathname, search: request.search, accept, cookie, authorization };
      return answerGet(simFor(request.scenario), get) ?? NOT_FOUND;
    }
    default:
      return NOT_FOUND;
  }
}

const consoles = new WorkerConsoles(simFor, (message, transfer) => scope.postMessage(message, transfer));

scope.onmessage = async ({ data }) => {
  switch (data.kind) {
    case 'settings':
      settings = data;
      return;
    case 'prepare':
      simFor(data.scenario);
      return;
    case 'console-open':
    case 'console-input':
    case 'console-close':
      consoles.handle(data);
      return;
  }
  const wire = await answer(data);
  const body = wire.body === null ? null : (encoder.encode(wire.body).buffer as ArrayBuffer);
  const reply: WorkerReply = { kind: 'reply', id: data.id, status: wire.status, headers: wire.headers, body };
  scope.postMessage(reply, body ? [body] : []);
};
