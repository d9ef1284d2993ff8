/**
 * Starts `npm run sim` (as `node --import tsx mocks/server.ts`) on a free port for a
 * test, and stops it with its whole process group (STACK.md, pitfall 7).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface SimProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const LISTENING = /Xenith simulator listening on (http:\/\/127\.0\.0\.1:\d+)/;

export function startSim(args: string[] = []): Promise<SimProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/server.ts', '--port', '0', ...args], {
    cwd: resolve(import.meta.dirname, '..'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, signal);
    return exited;
  };
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = LISTENING.exec(output);
      if (m) resolvePromise({ url: m[1], child, output: () => output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`simulator exited (${code}) before listening:\n${output}`)));
  });
}
