/**
 * Memory tab figures (issue 4's speed target), in headless Chromium on the built app
 * with the in-browser simulator: the longest frame while a person drags a VM's
 * dynamic maximum on a host running 200 VMs, the host's bar previewing every guest
 * at each step. The `large` pool has about 60 guests on host-01; the setup starts
 * halted VMs there through XAPI (VM.start_on, as any client could) until 200 run on
 * it, then opens the Memory tab of one of its guests. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { frameTimes } from './console';
import type { Figures } from './report';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const HOST = 'host-01';
const GUESTS_ON_HOST = 200;
const DRAG_STEPS = 120;
const DRAG_STEP_MS = 25;
const QUIET_WINDOW_MS = 3_000;
const QUIET_FRAME_MS = 17;
const QUIET_TRIES = 30;

/**
 * Runs in the page, against the same simulator the app talks to: logs in, starts
 * halted VMs on the host until it runs `guests` of them, waits until the host has
 * settled (the guests booted, their agents reporting, their balloons still, as a
 * person would find a host they open), and returns the path of the Memory tab of a
 * guest that balloons there. Sent as source text, as console.ts does, so tsx adds no
 * helpers the page lacks.
 */
const FILL_HOST = `async ({ hostName, guests }) => {
  const rpc = async (method, params) => {
    const response = await fetch('/sim/large/jsonrpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
    });
    const reply = await response.json();
    if (reply.error) throw new Error(method + ': ' + JSON.stringify(reply.error));
    return reply.result;
  };
  const session = await rpc('session.login_with_password', ['root', 'xenith']);
  const hosts = await rpc('host.get_all_records', [session]);
  const [host] = Object.entries(hosts).find(([, record]) => record.name_label === hostName);
  const vms = await rpc('VM.get_all_records', [session]);
  const guestsOn = (records) =>
    Object.values(records).filter((vm) => vm.resident_on === host && !vm.is_control_domain).length;
  const halted = Object.entries(vms)
    .filter(([, vm]) => vm.power_state === 'Halted' && !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain)
    .map(([ref]) => ref);
  const toStart = halted.slice(0, guests - guestsOn(vms));
  await Promise.all(toStart.map((vm) => rpc('Async.VM.start_on', [session, vm, host, false, false])));
  // Settled: nothing about the host's guests (targets, balloons, agents) changed for five seconds.
  let last = '';
  let quietPolls = 0;
  for (;;) {
    await new Promise((done) => setTimeout(done, 1000));
    const now = await rpc('VM.get_all_records', [session]);
    if (guestsOn(now) < guests) continue;
    const onHost = Object.values(now).filter((vm) => vm.resident_on === host && !vm.is_control_domain);
    const metrics = await rpc('VM_guest_metrics.get_all_records', [session]);
    const vmMetrics = await rpc('VM_metrics.get_all_records', [session]);
    const state = onHost
      .map((vm) => [vm.power_state, vm.memory_target, vmMetrics[vm.metrics]?.memory_actual, vm.guest_metrics].join())
      .join(';');
    quietPolls = state === last ? quietPolls + 1 : 0;
    last = state;
    const settled = quietPolls >= 5;
    if (settled) {
      const balloons = Object.values(now).find(
        (vm) => vm.resident_on === host && vm.power_state === 'Running' && !vm.is_control_domain &&
          metrics[vm.guest_metrics]?.other['feature-balloon'] === '1' &&
          vm.memory_dynamic_max > vm.memory_dynamic_min,
      );
      return '/pools/sim-large/VM/' + balloons.uuid + '/memory';
    }
  }
}`;

async function connectToLarge(page: Page): Promise<void> {
  await page.getByLabel('Scenario').selectOption('large');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('treeitem', { name: 'Large pool', exact: true }).waitFor({ timeout: 60_000 });
}

/** Opens a page of the app without reloading it (a reload would start a fresh simulator). */
async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * Waits until the page draws every frame in time for a few seconds, so the figure is
 * the drag's and not the tail of the starts (hundreds of guests booting bring event
 * batches for a while after their host has settled).
 */
async function untilFramesAreQuiet(page: Page): Promise<void> {
  for (let tries = 0; tries < QUIET_TRIES; tries++) {
    if (Math.max(...(await frameTimes(page, QUIET_WINDOW_MS))) < QUIET_FRAME_MS) return;
  }
  throw new Error(`the page never drew ${QUIET_WINDOW_MS} ms of frames under ${QUIET_FRAME_MS} ms`);
}

/** Drags the Dynamic maximum thumb back and forth across the slider with the mouse, and returns every frame's time. */
async function dragFrames(page: Page): Promise<number[]> {
  const thumb = page.getByRole('slider', { name: 'Dynamic maximum' });
  const low = page.getByRole('slider', { name: 'Dynamic minimum' });
  await thumb.waitFor();
  const start = await thumb.boundingBox();
  const floor = await low.boundingBox();
  if (!start || !floor) throw new Error('the slider is not on screen');
  const y = start.y + start.height / 2;
  const from = start.x + start.width / 2;
  // Between the low thumb and the far right of the range, and back.
  const span = Math.max(from - (floor.x + floor.width), 40);
  await page.mouse.move(from, y);
  await page.mouse.down();
  const frames = frameTimes(page, DRAG_STEPS * DRAG_STEP_MS);
  for (let i = 0; i < DRAG_STEPS; i++) {
    const phase = Math.abs(((i / (DRAG_STEPS / 2)) % 2) - 1);
    await page.mouse.move(from - span * (1 - phase) * 0.9, y);
    await page.waitForTimeout(DRAG_STEP_MS);
  }
  await page.mouse.up();
  return frames;
}

export async function memoryFigures(): Promise<Figures> {
  if (!existsSync(resolve(DIST, 'index.html'))) throw new Error('bench/memory.ts needs the built app: npm run build');
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
  const origin = server.resolvedUrls?.local[0] ?? '';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    // A returning visitor who kept no pools: a first visit would open the demo pool too.
    await page.addInitScript(() => localStorage.setItem('xenith.pools', '[]'));
    await page.goto(new URL('/connect', origin).href);
    await connectToLarge(page);
    const path = await page.evaluate(`(${FILL_HOST})(${JSON.stringify({ hostName: HOST, guests: GUESTS_ON_HOST })})`);
    await openInApp(page, String(path));
    // The bar has a link per guest once the event stream has brought every start.
    const guests = page.getByRole('list', { name: `Memory of ${HOST}` }).getByRole('link');
    for (let waitedMs = 0; (await guests.count()) < GUESTS_ON_HOST; waitedMs += 500) {
      if (waitedMs > 60_000) throw new Error(`only ${await guests.count()} guests on ${HOST}`);
      await page.waitForTimeout(500);
    }
    await untilFramesAreQuiet(page);
    const frames = await dragFrames(page);
    return {
      'memory tab: longest frame while dragging on a host with 200 VMs': {
        value: Math.max(...frames),
        unit: 'ms',
        target: '< 17',
      },
    };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
