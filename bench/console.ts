/**
 * Console figures (issue 3's speed targets), in headless Chromium on the built app with
 * the in-browser simulator: connect to `large` until the tree holds every host; frame
 * times while hundreds of VMs change power state at once (a bulk force shutdown from the
 * tree); the JS heap once the pool has loaded. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import type { Figures } from './report';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const BURST_WATCH_MS = 10_000;

/**
 * Every frame's duration, from requestAnimationFrame, for `ms`. Sent as source text:
 * tsx would otherwise wrap the function's inner names in a helper the page lacks.
 */
export function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((done) => {
    const times = [];
    let last = performance.now();
    const end = last + ${ms};
    requestAnimationFrame(function tick(now) {
      times.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else done(times);
    });
  })`);
}

async function connectToLarge(page: Page): Promise<number> {
  await page.getByLabel('Scenario').selectOption('large');
  const start = Date.now();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  // The hosts are among the pool's children once the tree holds them all.
  await page.waitForFunction(
    () => Number(document.querySelector('[role="treeitem"][aria-level="2"]')?.getAttribute('aria-setsize')) >= 64,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  return Date.now() - start;
}

/** Filter to the 500 web VMs, select them all, force them off, and watch the frames while the changes pour in. */
async function burstFrames(page: Page): Promise<number[]> {
  await page.getByRole('searchbox').fill('web-');
  const tree = page.getByRole('tree');
  await tree.getByRole('treeitem').first().click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Shift+F10');
  await page.getByRole('menuitem', { name: 'Force shut down', exact: true }).click();
  const frames = frameTimes(page, BURST_WATCH_MS);
  await page.getByRole('dialog').getByRole('button', { name: 'Force shut down' }).click();
  return frames;
}

/**
 * The JS heap in use by the page and by its workers (the simulator runs in one), after
 * a garbage collection in each. Workers are reached through the browser's CDP target
 * API, wrapping each command in Target.sendMessageToTarget.
 */
async function heapInUse(browser: Browser, page: Page): Promise<number> {
  const pageCdp = await page.context().newCDPSession(page);
  await pageCdp.send('HeapProfiler.collectGarbage');
  let total = (await pageCdp.send('Runtime.getHeapUsage')).usedSize;
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  let nextId = 1;
  for (const target of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const command = (method: string) =>
      new Promise<Record<string, number>>((resolve) => {
        const id = nextId++;
        const onMessage = (event: { sessionId?: string; message: string }) => {
          const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
          if (event.sessionId !== sessionId || reply.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(reply.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await command('HeapProfiler.collectGarbage');
    total += (await command('Runtime.getHeapUsage')).usedSize;
  }
  await cdp.detach();
  return total;
}

export async function consoleFigures(): Promise<Figures> {
  if (!existsSync(resolve(DIST, 'index.html'))) throw new Error('bench/console.ts needs the built app: npm run build');
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
  const origin = server.resolvedUrls?.local[0] ?? '';
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // A returning visitor who kept no pools: a first visit would open the demo pool too.
    await page.addInitScript(() => localStorage.setItem('xenith.pools', '[]'));
    await page.goto(new URL('/connect', origin).href);
    const connectMs = await connectToLarge(page);
    await page.waitForTimeout(3_000);
    const heapBytes = await heapInUse(browser, page);
    const frames = await burstFrames(page);
    return {
      'console: connect to large until the tree holds every host': {
        value: connectMs,
        unit: 'ms',
        target: '< 1500',
      },
      'console: longest frame while VMs change power state in bulk': {
        value: Math.max(...frames),
        unit: 'ms',
        target: '< 50',
      },
      'console: JS heap after loading large (page and simulator worker)': {
        value: heapBytes / 1024 / 1024,
        unit: 'MiB',
        target: '< 150',
      },
    };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
