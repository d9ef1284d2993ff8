/**
 * Console tab figures (issue 5's speed targets), in headless Chromium on the built app
 * with the in-browser simulator's demo pool:
 * - key press to echo: on web-02's text console, logged in, 50 keys typed one at a time;
 *   for each, from its keydown (the event's own time stamp) to the moment the echoed
 *   character is in xterm.js's rows in the DOM. The median is the figure; the p95 too.
 * - graphical frames per second: web-02's graphical console at 1024×768 (an HVM Linux
 *   guest's frame buffer console, 128×48 characters) while its screen changes all the
 *   time: the shell runs `dmesg` (a screenful of text) and `clear` (an empty screen) in
 *   turn, recalled from its history by keys sent to the canvas every 5 ms, faster than
 *   any frame can be drawn. Every FramebufferUpdate noVNC finishes ends in one copy of
 *   the changed area to the visible canvas (Display.flip). The figure counts, over 5 s,
 *   the copies that cover at least half of the 1024×768 screen (the echo of a recalled
 *   command line is a small update and is not counted).
 * Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { type Figures, median } from './report';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const VM = 'web-02';
const KEYS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX';
const FPS_WATCH_MS = 5_000;

/**
 * Counts the draws to the visible canvas of the graphical console (noVNC draws each
 * finished update from its back buffer there). Installed before the app loads; sent as
 * source text, as console.ts does, so tsx adds no helpers the page lacks.
 */
const COUNT_FRAMES = `(() => {
  const draw = CanvasRenderingContext2D.prototype.drawImage;
  window.__frames = 0;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {
    // drawImage(backbuffer, sx, sy, w, h, dx, dy, w, h), onto the canvas in the page.
    const large = args.length === 9 && args[3] * args[4] >= ${(1024 * 768) / 2};
    if (large && this.canvas.isConnected && args[0] instanceof HTMLCanvasElement) window.__frames++;
    return draw.apply(this, args);
  };
})()`;

/** Recalls the last command but one and runs it, over and over: `dmesg` and `clear` in turn. */
const START_SCREEN_CHANGES = `(() => {
  const canvas = document.querySelector('[role="application"] canvas');
  const keys = ['ArrowUp', 'ArrowUp', 'Enter'];
  let next = 0;
  window.__changes = setInterval(() => {
    const key = keys[next++ % keys.length];
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new KeyboardEvent('keyup', { key, code: key, bubbles: true, cancelable: true }));
  }, 5);
})()`;

/** Times, in the page, from each key's keydown to its echo in xterm.js's rows. */
const ECHO_PROBE = `(() => {
  const textarea = document.querySelector('.xterm-helper-textarea');
  const rows = document.querySelector('.xterm-rows');
  const probe = { t0: 0, want: '', done: null, result: null };
  textarea.addEventListener('keydown', (event) => { probe.t0 = event.timeStamp; }, true);
  new MutationObserver(() => {
    // The DOM renderer draws spaces as no-break spaces.
    if (probe.done && rows.textContent.replaceAll('\\u00a0', ' ').includes(probe.want)) {
      probe.done(performance.now() - probe.t0);
      probe.done = null;
    }
  }).observe(rows, { subtree: true, childList: true, characterData: true });
  window.__echo = probe;
})()`;

async function rowsContain(page: Page, text: RegExp, timeout = 60_000): Promise<void> {
  await page
    .getByRole('region', { name: `Text console of ${VM}` })
    .getByRole('listitem')
    .filter({ hasText: text })
    .first()
    .waitFor({ timeout });
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

async function logIn(page: Page): Promise<void> {
  await page.getByRole('searchbox').fill(VM);
  await page.getByRole('treeitem', { name: VM, exact: true }).click();
  await page.getByRole('tab', { name: 'Console' }).click();
  await page.getByRole('radio', { name: 'Text' }).check();
  await rowsContain(page, / login: $/);
  await page.getByRole('region', { name: `Text console of ${VM}` }).click();
  await typeLine(page, 'root');
  await rowsContain(page, /^Password: $/);
  await typeLine(page, 'xenith');
  await rowsContain(page, /^root@.*# $/);
}

async function echoTimes(page: Page): Promise<number[]> {
  await page.evaluate(ECHO_PROBE);
  const times: number[] = [];
  for (let i = 0; i < KEYS.length; i++) {
    const want = `# ${KEYS.slice(0, i + 1)}`;
    await page.evaluate(`window.__echo.want = ${JSON.stringify(want)};
      window.__echo.result = new Promise((done) => { window.__echo.done = done; });
      undefined;`);
    await page.keyboard.press(KEYS[i]);
    times.push(await page.evaluate<number>('window.__echo.result'));
  }
  // Leave the shell with an empty line (Ctrl+U).
  await page.keyboard.press('Control+u');
  return times;
}

async function graphicalFramesPerSecond(page: Page): Promise<number> {
  await typeLine(page, 'dmesg');
  await typeLine(page, 'clear');
  await page.getByRole('radio', { name: 'Graphical' }).check();
  await page.getByRole('application', { name: `Graphical console of ${VM}` }).waitFor();
  await page.waitForFunction(
    () => {
      const canvas = document.querySelector('[role="application"] canvas') as HTMLCanvasElement | null;
      return canvas?.width === 1024 && canvas.height === 768;
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.evaluate(START_SCREEN_CHANGES);
  // Let the changes get going before counting.
  await page.waitForTimeout(1_000);
  const start = await page.evaluate<number>('window.__frames');
  await page.waitForTimeout(FPS_WATCH_MS);
  const end = await page.evaluate<number>('window.__frames');
  await page.evaluate('clearInterval(window.__changes)');
  return (end - start) / (FPS_WATCH_MS / 1000);
}

export async function consoleTabFigures(): Promise<Figures> {
  if (!existsSync(resolve(DIST, 'index.html')))
    throw new Error('bench/console-tab.ts needs the built app: npm run build');
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
  const origin = server.resolvedUrls?.local[0] ?? '';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.addInitScript(COUNT_FRAMES);
    // A first visit opens the demo pool by itself.
    await page.goto(origin);
    await page.getByRole('treeitem', { name: 'Demo pool', exact: true }).waitFor({ timeout: 60_000 });
    await logIn(page);
    const echoes = await echoTimes(page);
    const sorted = [...echoes].sort((a, b) => a - b);
    const fps = await graphicalFramesPerSecond(page);
    return {
      'console tab: key press to echo in xterm (median of 50 keys)': {
        value: median(echoes),
        unit: 'ms',
        target: '< 30',
      },
      'console tab: key press to echo in xterm (p95 of 50 keys)': {
        value: sorted[Math.ceil(sorted.length * 0.95) - 1],
        unit: 'ms',
        target: '< 30',
      },
      'console tab: graphical console frames per second at 1024×768': {
        value: fps,
        unit: 'fps',
        target: '> 30',
      },
    };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
