/**
 * Performance tab figure (issue 6's speed target), in headless Chromium on the built app
 * with the in-browser simulator: the longest frame while a VM's six graphs switch to a
 * year of daily points (366 per line) and then take new data at that range twice
 * (maxima, then averages again). Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { frameTimes } from './console';
import type { Figures } from './report';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const WATCH_MS = 8_000;
const GRAPHS = 6;

/** Resolves once every graph's caption describes `points` points of the chosen consolidation. */
function graphsShow(page: Page, points: number, cf: string): Promise<unknown> {
  return page.waitForFunction(
    `[...document.querySelectorAll('figcaption')].filter((c) => c.textContent.startsWith('${points} points')).length === ${GRAPHS}
      && document.querySelector('.cf-picker select')?.value === '${cf}'`,
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
}

/** Two graphs on top of the VM's four defaults, made as a person would. */
async function addGraph(page: Page, name: string, source: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'New graph' }).click();
  const dialog = page.getByRole('dialog', { name: 'New graph' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('checkbox', { name: source }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('figure', { name }).waitFor({ timeout: 30_000 });
}

async function yearFrames(page: Page): Promise<number[]> {
  await page.getByRole('tree').getByRole('treeitem', { name: 'db-primary', exact: true }).click();
  await page.getByRole('tab', { name: 'Performance' }).click();
  await page.getByRole('figure', { name: 'Disk' }).waitFor({ timeout: 30_000 });
  await addGraph(page, 'Domain CPU', /^Domain CPU usage/);
  await addGraph(page, 'Balloon', /^Memory target/);
  await graphsShow(page, 120, 'AVERAGE');

  const frames = frameTimes(page, WATCH_MS);
  await page.getByRole('radio', { name: 'Last year' }).check();
  await graphsShow(page, 366, 'AVERAGE');
  const values = page.getByRole('combobox', { name: 'Values' });
  await values.selectOption('MAX');
  await page.waitForTimeout(1_500);
  await values.selectOption('AVERAGE');
  return frames;
}

export async function performanceTabFigures(): Promise<Figures> {
  if (!existsSync(resolve(DIST, 'index.html')))
    throw new Error('bench/performance-tab.ts needs the built app: npm run build');
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
  const origin = server.resolvedUrls?.local[0] ?? '';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // A first visit opens on the demo pool, which is the one wanted here.
    await page.goto(origin);
    await page
      .getByRole('tree')
      .getByRole('treeitem', { name: 'db-primary', exact: true })
      .waitFor({ timeout: 60_000 });
    const frames = await yearFrames(page);
    return {
      'performance tab: longest frame while 6 graphs render and update at 1-year range': {
        value: Math.max(...frames),
        unit: 'ms',
        target: '< 50',
      },
    };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}
