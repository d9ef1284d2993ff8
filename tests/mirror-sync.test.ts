/**
 * The client and the mirror against the simulator over HTTP (msw/node): the first
 * load, event batches applied as one store update, objects appearing and leaving
 * while the mirror is live, and a connection that drops in the middle of a change and
 * comes back without stale or duplicated objects.
 */
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSimulator } from '../mocks/node';
import { named } from '../mocks/sim/lookup';
import { call, login } from '../mocks/xapi/testing';
import { DETAIL_CLASSES, TREE_CLASSES } from '../src/store/connections';
import { mirror, type PoolMirror, useMirror } from '../src/store/mirror-store';
import { XapiConnection } from '../src/xapi/connection';
import { runEventLoop } from '../src/xapi/event-loop';
import type { Ref, XapiRecord } from '../src/xapi/model/types';
import { JsonRpcTransport } from '../src/xapi/transport';

const simulator = startTestSimulator({ scenario: 'demo' });
const POOL = 'sim-demo';

let stop: AbortController;
let loop: Promise<void>;
let connection: XapiConnection;
/** Every pool state the store published, in order. */
let published: PoolMirror[];
let unsubscribe: () => void;
/** The event loop's backoff waits here, so a test decides when a reconnect may happen. */
let reconnect: { open: () => void; wait: Promise<void> };

function gate() {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, wait };
}

const state = () => useMirror.getState().pools[POOL];
const vms = () => Object.entries(state()?.objects.VM ?? {}) as [string, XapiRecord<'VM'>][];
const vmsNamed = (name: string) => vms().filter(([, vm]) => vm.name_label === name);
const sim = () => simulator.sim;
const simVm = (name: string) => named(sim(), 'VM', name);

/** Runs virtual time in small steps, letting HTTP round trips finish between them, until `done` holds. */
async function until(done: () => boolean, what: string) {
  for (let step = 0; step < 600; step++) {
    if (done()) return;
    sim().clock.advance(100);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`gave up waiting for ${what}`);
}

beforeEach(async () => {
  simulator.reset();
  published = [];
  reconnect = gate();
  mirror.addPool(POOL, 'Simulator (demo)');
  unsubscribe = useMirror.subscribe((s) => {
    if (s.pools[POOL]) published.push(s.pools[POOL]);
  });
  connection = new XapiConnection(new JsonRpcTransport(simulator.baseUrl), { user: 'root', password: 'xenith' });
  stop = new AbortController();
  loop = runEventLoop(
    connection,
    {
      loadClass: (cls, records) => mirror.loadClass(POOL, cls, records),
      applyEvents: (events) => mirror.applyEvents(POOL, events),
      status: (status, error) => mirror.setStatus(POOL, status, error),
    },
    {
      firstClasses: TREE_CLASSES,
      otherClasses: DETAIL_CLASSES,
      signal: stop.signal,
      pollTimeoutS: 1,
      sleep: () => reconnect.wait,
    },
  );
  await until(() => state()?.status === 'live', 'the first load');
});

afterEach(async () => {
  stop.abort();
  reconnect.open();
  await loop;
  unsubscribe();
  mirror.removePool(POOL);
  simulator.server.resetHandlers();
});

afterAll(() => simulator.stop());

describe('the mirror of a pool', () => {
  it('loads every object of the pool, once', () => {
    expect(
      vms()
        .map(([ref]) => ref)
        .sort(),
    ).toEqual(sim().db.refs('VM').sort());
    expect(Object.keys(state()?.objects.VBD ?? {}).sort()).toEqual(sim().db.refs('VBD').sort());
  });

  it('applies one event.from batch as one store update', async () => {
    const renames = ['web-01', 'web-02', 'mail'];
    // Three calls before virtual time moves: the pool reports them in one batch.
    for (const name of renames) await connection.call('VM.set_name_label', simVm(name) as Ref<'VM'>, `${name}-renamed`);
    const before = published.length;
    await until(() => vmsNamed('mail-renamed').length === 1, 'the renames');

    const firstWithAny = published
      .slice(before)
      .find((pool) => Object.values(pool.objects.VM ?? {}).some((vm) => vm.name_label.endsWith('-renamed')));
    const renamedThere = Object.values(firstWithAny?.objects.VM ?? {}).filter((vm) =>
      vm.name_label.endsWith('-renamed'),
    );
    expect(renamedThere.map((vm) => vm.name_label).sort()).toEqual(renames.map((n) => `${n}-renamed`).sort());
  });

  it('shows a VM created while the mirror is live, exactly once', async () => {
    const cloning = connection.call('VM.clone', simVm('test-ubuntu') as Ref<'VM'>, 'test-ubuntu-clone');
    await until(() => vmsNamed('test-ubuntu-clone').length > 0, 'the clone');
    const cloneRef = await cloning;
    expect(vmsNamed('test-ubuntu-clone').map(([ref]) => ref)).toEqual([cloneRef]);
    const [, clone] = vmsNamed('test-ubuntu-clone')[0];
    // The clone's disks came with it, so its page can show them.
    for (const vbd of clone.VBDs) expect(state()?.objects.VBD?.[vbd]).toBeDefined();
  });

  it('removes a VM when the pool deletes it', async () => {
    const ref = simVm('test-ubuntu');
    const vbds = vmsNamed('test-ubuntu')[0][1].VBDs;
    const destroying = connection.call('VM.destroy', ref as Ref<'VM'>);
    await until(() => vmsNamed('test-ubuntu').length === 0, 'the deletion');
    await destroying;
    expect(state()?.objects.VM?.[ref]).toBeUndefined();
    for (const vbd of vbds) expect(state()?.objects.VBD?.[vbd]).toBeUndefined();
  });

  it('resynchronises after the connection drops in the middle of a change: nothing stale, nothing twice', async () => {
    const web02 = simVm('web-02');
    const task = await connection.callAsync('VM.clean_shutdown', web02 as Ref<'VM'>);
    await until(
      () => Object.keys(state()?.objects.VM?.[web02]?.current_operations ?? {}).includes(task),
      'the shutdown',
    );

    // The network goes; the long poll in flight ends at its timeout and the next call fails.
    simulator.server.use(http.post(new URL('/*', simulator.baseUrl).href, () => HttpResponse.error()));
    await until(() => state()?.status === 'reconnecting', 'the loop to notice');

    // Meanwhile the pool moves on: the shutdown ends, someone else deletes a VM and clones another.
    const admin = await login(sim());
    await until(() => sim().db.get<XapiRecord<'VM'>>('VM', web02).power_state === 'Halted', 'the shutdown to end');
    const gone = simVm('backup-proxy');
    await call(sim(), 'VM.destroy', admin, gone);
    const added = await call<string>(sim(), 'VM.clone', admin, simVm('test-ubuntu'), 'made-while-away');
    // The mirror still shows the world as it was when the connection dropped.
    expect(state()?.objects.VM?.[web02]?.power_state).toBe('Running');
    expect(state()?.objects.VM?.[gone]).toBeDefined();

    simulator.server.resetHandlers();
    const before = published.length;
    reconnect.open();
    await until(() => published.length > before && state()?.status === 'live', 'the reconnect');

    expect(
      vms()
        .map(([ref]) => ref)
        .sort(),
    ).toEqual(sim().db.refs('VM').sort());
    expect(state()?.objects.VM?.[gone]).toBeUndefined();
    expect(vmsNamed('made-while-away').map(([ref]) => ref)).toEqual([added]);
    expect(state()?.objects.VM?.[web02]).toMatchObject({ power_state: 'Halted', current_operations: {} });
    expect(state()?.objects.task?.[task]?.status).toBe('success');
  });
});
