/**
 * Simulator figures: building `large`, and answering over HTTP from `npm run sim`
 * running in its own process (so the server has a core to itself): XAPI calls, events,
 * and performance data for a busy host.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createSimulator } from '../mocks/sim/scenarios/index';
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

/** A lean keep-alive GET that only counts the reply's bytes. */
function get(agent: Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * GET /rrd_updates from the pool master with 200 guests resident, at 5-second resolution
 * (the last ten minutes, every data source of the host and its VMs). The large pool's
 * master runs about sixty guests; halted ones are started on it, by XAPI calls, until it
 * has 200. The first answer computes and formats every row; the figure is the median of
 * the polls after it, each a second apart, as a live graph polls (each then has a few
 * new rows to compute).
 */
async function rrdUpdatesFigures(url: string, session: unknown, agent: Agent) {
  const [pool] = (await rpc(url, 'pool.get_all', [session])).result as string[];
  const master = (await rpc(url, 'pool.get_master', [session, pool])).result as string;
  const resident = ((await rpc(url, 'host.get_resident_VMs', [session, master])).result as string[]).length;
  const halted = (await rpc(url, 'VM.get_all_records_where', [
    session,
    'field "power_state" = "Halted" and field "is_a_template" = "false" and field "is_control_domain" = "false"',
  ])) as { result: Record<string, unknown> };
  // dom0 is resident too: 200 guests besides it.
  const toStart = Object.keys(halted.result).slice(0, 201 - resident);
  await Promise.all(toStart.map((vm) => rpc(url, 'VM.start_on', [session, vm, master, false, false])));
  const guests = ((await rpc(url, 'host.get_resident_VMs', [session, master])).result as string[]).length - 1;
  if (guests !== 200) throw new Error(`the master runs ${guests} guests, not 200`);

  // 590 s back rather than 600: a start exactly 600 s back falls to the 1-minute archive
  // whenever the clock is just past a 5-second boundary, on a real pool as here.
  const endpoint = new URL(`/rrd_updates?session_id=${session}&start=-590&host=true&json=true`, url);
  let start = performance.now();
  const bytes = await get(agent, endpoint);
  const first = performance.now() - start;
  const polls: number[] = [];
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    start = performance.now();
    await get(agent, endpoint);
    polls.push(performance.now() - start);
  }
  return { first, poll: median(polls), bytes };
}

export async function simulatorFigures(): Promise<Figures> {
  const builds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    createSimulator({ scenario: 'large' });
    builds.push(performance.now() - start);
  }

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

    const rrd = await rrdUpdatesFigures(sim.url, session, agent);

    agent.destroy();
    return {
      'sim: build large scenario': { value: median(builds), unit: 'ms', target: '< 2000' },
      'sim: VM.get_all_records, 5,000 VMs over HTTP': { value: median(times), unit: 'ms', target: '< 250' },
      'sim: VM.get_all_records response size': { value: bytes / 1024 / 1024, unit: 'MiB', target: '< 64' },
      'sim: simple calls over HTTP, per second of one core': {
        value: callsPerCpuSecond,
        unit: 'calls/s',
        target: '> 5000',
      },
      'sim: event.from latency, change to delivery': { value: median(latencies), unit: 'ms', target: '< 100' },
      'sim: /rrd_updates for a host with 200 VMs at 5 s': { value: rrd.poll, unit: 'ms', target: '< 100' },
      'sim: /rrd_updates for a host with 200 VMs at 5 s, first answer': {
        value: rrd.first,
        unit: 'ms',
        target: '< 2000',
      },
      'sim: /rrd_updates for a host with 200 VMs at 5 s, size': {
        value: rrd.bytes / 1024 / 1024,
        unit: 'MiB',
        target: '< 16',
      },
    };
  } finally {
    await sim.stop();
  }
}
