/**
 * The messages between the page (mocks/browser.ts, where msw catches the app's
 * requests) and the Web Worker that runs the simulators (mocks/simulator-worker.ts).
 * Bodies travel as transferred ArrayBuffers, so a 14 MiB get_all_records reply costs
 * the page neither an encode nor a copy.
 */
import type { ScenarioName } from './sim/scenarios/names';

export interface WorkerSettings {
  kind: 'settings';
  /** Virtual milliseconds per real millisecond. */
  speed: number;
  seed?: number;
}

export interface WorkerRequest {
  kind: 'request';
  id: number;
  scenario: ScenarioName;
  method: string;
  /** The path below the scenario's prefix, e.g. '/jsonrpc'. */
  pathname: string;
  /** The query string without its '?' (GET /rrd_updates has its parameters there). */
  search: string;
  headers: Record<string, string>;
  body: ArrayBuffer;
}

export type PageMessage = WorkerSettings | WorkerRequest;

export interface WorkerReply {
  id: number;
  status: number;
  headers: Record<string, string>;
  body: ArrayBuffer | null;
}
