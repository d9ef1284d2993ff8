/**
 * Conformance with a real third-party XAPI client: Xen Orchestra's `xen-api` package
 * drives `npm run sim` exactly as it drives a pool (login, listMethods, every
 * get_all_records, the event.from loop, calls, errors).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'xen-api';
import { type SimProcess, startSim } from '../scripts/sim-process';

interface XoObject {
  $type: string;
  $ref: string;
  name_label: string;
  power_state: string;
  is_a_template: boolean;
  is_control_domain: boolean;
  resident_on: string;
}

let sim: SimProcess;

beforeAll(async () => {
  sim = await startSim(['--scenario', 'demo', '--speed', '20']);
});

afterAll(async () => {
  await sim?.stop();
});

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Xen Orchestra xen-api client against npm run sim', () => {
  it('connects, caches objects, starts a VM seen through events, and gets XAPI errors as XapiError', async () => {
    const xapi = createClient({ url: sim.url, auth: { user: 'root', password: 'xenith' }, allowUnauthorized: true });
    await xapi.connect();
    await xapi.objectsFetched;

    const all = Object.values(xapi.objects.all) as XoObject[];
    expect(all.filter((o) => o.$type === 'host')).toHaveLength(3);
    const vm = all.find((o) => o.$type === 'VM' && o.name_label === 'test-ubuntu');
    expect(vm?.power_state).toBe('Halted');

    await xapi.call('VM.start', vm!.$ref, false, false);
    const running = await until(() => {
      const current = xapi.getObjectByRef(vm!.$ref) as XoObject;
      return current.power_state === 'Running' ? current : undefined;
    }, 'the VM to show Running in the event cache');
    expect(xapi.getObjectByRef(running.resident_on)).toMatchObject({ $type: 'host' });

    const error = await xapi.call('VM.start', vm!.$ref, false, false).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VM_BAD_POWER_STATE', params: [vm!.$ref, 'halted', 'running'] });
    expect((error as Error).constructor.name).toBe('XapiError');

    await xapi.disconnect();
    expect(xapi.status).toBe('disconnected');
  });
});
