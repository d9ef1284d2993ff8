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

/** A console WebSocket the page caught under /sim/<scenario>/console: the worker opens or refuses it. */
export interface ConsoleOpen {
  kind: 'console-open';
  /** The page's number for this connection, in every later console message. */
  id: number;
  scenario: ScenarioName;
  /** The URL's query: ref or uuid, and session_id. */
  search: string;
}

/** Bytes from the page's client, or its leaving. */
export interface ConsoleInput {
  kind: 'console-input';
  id: number;
  data: ArrayBuffer;
}

export interface ConsoleClose {
  kind: 'console-close';
  id: number;
}

/** A person chose a scenario: build it now, so it is ready when they connect. */
export interface WorkerPrepare {
  kind: 'prepare';
  scenario: ScenarioName;
}

export type PageMessage = WorkerSettings | WorkerPrepare | WorkerRequest | ConsoleOpen | ConsoleInput | ConsoleClose;

export interface WorkerReply {
  kind: 'reply';
  id: number;
  status: number;
  headers: Record<string, string>;
  body: ArrayBuffer | null;
}

/** The answer to console-open: the console is open, or xapi would have refused it. */
export interface ConsoleOpened {
  kind: 'console-opened';
  id: number;
  accepted: boolean;
}

/** Bytes from the console for the page's client. */
export interface ConsoleOutput {
  kind: 'console-output';
  id: number;
  data: ArrayBuffer;
}

/** The console ended on its own (the domain stopped, rebooted or moved). */
export interface ConsoleEnded {
  kind: 'console-ended';
  id: number;
}

export type WorkerMessage = WorkerReply | ConsoleOpened | ConsoleOutput | ConsoleEnded;
