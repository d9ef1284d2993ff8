/** Starts `npm run sim` (as `node --import tsx mocks/server.ts`) on a free port for a test. */
import { type ServerProcess, startServerProcess } from './server-process';

export type SimProcess = ServerProcess;

const LISTENING = /Xenith simulator listening on (http:\/\/127\.0\.0\.1:\d+)/;

export function startSim(args: string[] = []): Promise<SimProcess> {
  return startServerProcess('mocks/server.ts', ['--port', '0', ...args], LISTENING);
}
