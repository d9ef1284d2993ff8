/**
 * Starts one of the project's Node servers (`npm run sim`, `npm run serve`) as a child
 * process for a test or a bench, waits for the line that says where it listens, and
 * stops it with its whole process group (STACK.md, pitfall 7).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Runs `node --import tsx <script> ...args` from the project root. `listening` must
 * capture the server's origin in its first group.
 */
export function startServerProcess(script: string, args: string[], listening: RegExp): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
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
      const m = listening.exec(output);
      if (m) resolvePromise({ url: m[1], child, output: () => output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening:\n${output}`)));
  });
}
