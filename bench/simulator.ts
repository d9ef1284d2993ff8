/**
 * Simulator figures: building `large`, squeezed and the balloons at work over it, and
 * answering over HTTP from `npm run sim` running in its own process (so the server has
 * a core to itself).
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createSimulator } from '../mocks/sim/scenarios/index';
import type { Simulator } from '../mocks/sim/simulator';
import { dispatch } from '../mocks/xapi/dispatch';
import { startSim } from '../scripts/sim-process';
import { type Figures, median } from './report';

async function rpc(url: string, method: string, params: unknown[]): Promise<{ result: unknown }> {
  const response = await fetch(`${url}/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
  });
  const reply = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
  return { result: reply.result };
}

/** CPU seconds a process has used so far (utime + stime from /proc, in clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * A lean keep-alive POST that only counts the reply's bytes, so the figures measure
 * the server and the wire rather than the client's fetch and JSON.parse.
 */
function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve(bytes));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One running guest per host of `large` is given a new dynamic range: every host rebalances. */
async function changeOneGuestPerHost(sim: Simulator): Promise<void> {
  const session = (await dispatch(sim, 'session.login_with_password', ['root', 'xenith'])).value;
  for (const host of sim.db.refs('host')) {
    const guest = sim.db.get<{ resident_VMs: string[] }>('host', host).resident_VMs.find((vm) => {
      const r = sim.db.get<{ is_control_domain: boolean; power_state: string }>('VM', vm);
      return !r.is_control_domain && r.power_state === 'Running';
    });
    if (!guest) continue;
    const { memory_dynamic_min: min } = sim.db.get<{ memory_dynamic_min: number }>('VM', guest);
    await dispatch(sim, 'Async.VM.set_memory_dynamic_range', [session, guest, min, min]);
  }
  await flush();
}

/**
 * Wall time per second of virtual time while squeezed rebalances every host of `large`
 * and the balloons move: one guest per host shrinks to its dynamic minimum, then a
 * minute passes (a balloon tick every second, squeezed's periodic look every ten).
 */
async function balancerTickMs(): Promise<number> {
  const sim = createSimulator({ scenario: 'large' });
  await changeOneGuestPerHost(sim);
  const seconds = 60;
  const start = performance.now();
  for (let i = 0; i < seconds; i++) sim.clock.advance(1_000);
  return (performance.now() - start) / seconds;
}

export async function simulatorFigures(): Promise<Figures> {
  const builds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    createSimulator({ scenario: 'large' });
    builds.push(performance.now() - start);
  }
  const ticks: number[] = [];
  for (let i = 0; i < 3; i++) ticks.push(await balancerTickMs());

  const sim = await startSim(['--scenario', 'large']);
  try {
    const { result: session } = await rpc(sim.url, 'session.login_with_password', ['root', 'xenith']);

    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const endpoint = new URL('/jsonrpc', sim.url);
    const times: number[] = [];
    let bytes = 0;
    const getAllRecords = JSON.stringify({ jsonrpc: '2.0', method: 'VM.get_all_records', params: [session], id: 1 });
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      bytes = await post(agent, endpoint, getAllRecords);
      times.push(performance.now() - start);
    }

    // Simple calls, 8 in flight. The figure is calls per second of the server's own CPU
    // time: what one core answers, whatever the load generator beside it costs.
    const calls = 10_000;
    const [pool] = (await rpc(sim.url, 'pool.get_all', [session])).result as string[];
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'pool.get_name_label', params: [session, pool], id: 1 });
    let next = 0;
    const cpuBefore = cpuSeconds(sim.child.pid!);
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next++ < calls) await post(agent, endpoint, body);
      }),
    );
    const callsPerCpuSecond = calls / (cpuSeconds(sim.child.pid!) - cpuBefore);

    // event.from latency: a change made while a long poll waits, to the poll's answer.
    const [vm] = (await rpc(sim.url, 'VM.get_all', [session])).result as string[];
    const latencies: number[] = [];
    let token = ((await rpc(sim.url, 'event.from', [session, ['vm'], '', 0])).result as { token: string }).token;
    for (let i = 0; i < 10; i++) {
      const poll = rpc(sim.url, 'event.from', [session, [`vm/${vm}`], token, 30]);
      await new Promise((r) => setTimeout(r, 20));
      const changed = performance.now();
      await rpc(sim.url, 'VM.set_name_description', [session, vm, `bench ${i}`]);
      const { result } = await poll;
      latencies.push(performance.now() - changed);
      token = (result as { token: string }).token;
    }

    agent.destroy();
    return {
      'sim: build large scenario': { value: median(builds), unit: 'ms', target: '< 2000' },
      'sim: balancer and balloon tick over large': { value: median(ticks), unit: 'ms', target: '< 5' },
      'sim: VM.get_all_records, 5,000 VMs over HTTP': { value: median(times), unit: 'ms', target: '< 250' },
      'sim: VM.get_all_records response size': { value: bytes / 1024 / 1024, unit: 'MiB', target: '< 64' },
      'sim: simple calls over HTTP, per second of one core': {
        value: callsPerCpuSecond,
        unit: 'calls/s',
        target: '> 5000',
      },
      'sim: event.from latency, change to delivery': { value: median(latencies), unit: 'ms', target: '< 100' },
    };
  } finally {
    await sim.stop();
  }
}
