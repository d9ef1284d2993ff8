/**
 * Simulator figures: building `large`, and answering over HTTP from `npm run sim`
 * running in its own process (so the server has a core to itself).
 */
import { createSimulator } from '../mocks/sim/scenarios/index';
import { startSim } from '../scripts/sim-process';
import { type Figures, median } from './report';

async function rpc(url: string, method: string, params: unknown[]): Promise<{ result: unknown; bytes: number }> {
  const response = await fetch(`${url}/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
  });
  const text = await response.text();
  const reply = JSON.parse(text) as { result?: unknown; error?: { message: string } };
  if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
  return { result: reply.result, bytes: Buffer.byteLength(text) };
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

    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const reply = await rpc(sim.url, 'VM.get_all_records', [session]);
      times.push(performance.now() - start);
      bytes = reply.bytes;
    }

    // Simple calls, 8 in flight, for a fixed count.
    const calls = 10_000;
    const [pool] = (await rpc(sim.url, 'pool.get_all', [session])).result as string[];
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next++ < calls) await rpc(sim.url, 'pool.get_name_label', [session, pool]);
      }),
    );
    const callsPerSecond = calls / ((performance.now() - start) / 1000);

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

    return {
      'sim: build large scenario': { value: median(builds), unit: 'ms', target: '< 2000' },
      'sim: VM.get_all_records, 5,000 VMs over HTTP': { value: median(times), unit: 'ms', target: '< 250' },
      'sim: VM.get_all_records response size': { value: bytes / 1024 / 1024, unit: 'MiB', target: '< 64' },
      'sim: simple calls over HTTP': { value: callsPerSecond, unit: 'calls/s', target: '> 5000' },
      'sim: event.from latency, change to delivery': { value: median(latencies), unit: 'ms', target: '< 100' },
    };
  } finally {
    await sim.stop();
  }
}
