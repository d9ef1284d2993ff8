/**
 * Console figures against `npm run sim` in its own process, from a Node WebSocket client
 * (the same API a browser has): how long a key takes to come back as its echo on a
 * guest's text console, and how many whole 1024×768 frames the RFB server sends per
 * second of its own CPU.
 */
import { RfbTestClient } from '../mocks/console/testing';
import { startSim } from '../scripts/sim-process';
import { type Figures, median } from './report';
import { cpuSeconds } from './simulator';

async function rpc<T>(url: string, method: string, ...params: unknown[]): Promise<T> {
  const response = await fetch(`${url}/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
  });
  return ((await response.json()) as { result: T }).result;
}

async function consoleUrl(url: string, session: string, vmName: string, protocol: string): Promise<string> {
  const [vm] = await rpc<string[]>(url, 'VM.get_by_name_label', session, vmName);
  for (const ref of await rpc<string[]>(url, 'VM.get_consoles', session, vm)) {
    const record = await rpc<{ protocol: string; location: string }>(url, 'console.get_record', session, ref);
    if (record.protocol === protocol) return `${url.replace('http:', 'ws:')}${record.location}&session_id=${session}`;
  }
  throw new Error(`${vmName} has no ${protocol} console`);
}

function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url, ['binary']);
  socket.binaryType = 'arraybuffer';
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(socket));
    socket.addEventListener('error', () => reject(new Error(`cannot open ${url}`)));
  });
}

/** Types one character at a time and times each until its echo arrives. */
async function echoTimes(url: string): Promise<number[]> {
  const socket = await openSocket(url);
  let received = '';
  let wake = () => {};
  socket.addEventListener('message', (e) => {
    received += new TextDecoder().decode(e.data as ArrayBuffer);
    wake();
  });
  const waitFor = async (text: string) => {
    while (!received.endsWith(text)) await new Promise<void>((resolve) => (wake = resolve));
  };
  await waitFor('login: ');
  socket.send('root\rxenith\r');
  await waitFor(':~# ');
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const key = String.fromCharCode(97 + (i % 26));
    const start = performance.now();
    socket.send(key);
    await waitFor(key);
    times.push(performance.now() - start);
  }
  socket.close();
  return times;
}

/**
 * Full-screen updates asked for back to back for two seconds, read but not drawn, per
 * second of the simulator's own CPU time: what one core serves, whatever the client and
 * the rest of the machine cost.
 */
async function fullFramesPerCpuSecond(url: string, pid: number): Promise<number> {
  const socket = await openSocket(url);
  const client = new RfbTestClient((bytes) => socket.send(bytes));
  socket.addEventListener('message', (e) => client.feed(new Uint8Array(e.data as ArrayBuffer)));
  await client.handshake();
  const start = performance.now();
  const cpuBefore = cpuSeconds(pid);
  let frames = 0;
  while (performance.now() - start < 2_000) {
    client.requestUpdate(false);
    await client.readUpdate(false);
    frames++;
  }
  const fps = frames / (cpuSeconds(pid) - cpuBefore);
  socket.close();
  return fps;
}

export async function simConsoleFigures(): Promise<Figures> {
  const sim = await startSim(['--scenario', 'demo']);
  try {
    const session = await rpc<string>(sim.url, 'session.login_with_password', 'root', 'xenith');
    const echo = await echoTimes(await consoleUrl(sim.url, session, 'web-01', 'vt100'));
    const fps = await fullFramesPerCpuSecond(await consoleUrl(sim.url, session, 'win-dc01', 'rfb'), sim.child.pid!);
    return {
      'sim: console key to echo': { value: median(echo), unit: 'ms', target: '< 30' },
      'sim: RFB full 1024×768 frames, per second of one core': { value: fps, unit: 'fps', target: '> 30' },
    };
  } finally {
    await sim.stop();
  }
}
