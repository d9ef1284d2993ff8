/**
 * Performance graphs and dashboards as a person uses them: on the in-browser simulator,
 * and on `npm run sim` behind `npm run serve` where a layout must outlive a reload (the
 * in-browser simulator starts afresh with the page) and be shared between administrators.
 */
import type { Page } from '@playwright/test';
import { type ServerProcess, startServerProcess } from '../scripts/server-process';
import { startSim } from '../scripts/sim-process';
import { connectToSimulator, expect, findInTree, test, treeItem } from './helpers';

const graph = (page: Page, name: string) => page.getByRole('main').getByRole('figure', { name, exact: true });

async function openTab(page: Page, object: string, tab: string) {
  await findInTree(page, object);
  await page.getByRole('tab', { name: tab }).click();
}

test.describe('on the in-browser simulator', () => {
  test.beforeEach(async ({ page }) => {
    await connectToSimulator(page);
  });

  test("a VM's Performance tab shows CPU, memory, network and disk graphs with data", async ({ page }) => {
    await openTab(page, 'web-01', 'Performance');
    for (const name of ['CPU', 'Memory', 'Network', 'Disk']) {
      const figure = graph(page, name);
      await expect(figure).toBeVisible({ timeout: 20_000 });
      await expect(figure.locator('figcaption')).toContainText(/^120 points, one every 5 seconds, .* Latest: .+\d/);
    }
    await expect(graph(page, 'CPU').getByRole('listitem').filter({ hasText: 'Average CPU' })).toBeVisible();
  });

  test('a week shows one point per hour: 168', async ({ page }) => {
    await openTab(page, 'db-primary', 'Performance');
    await expect(graph(page, 'CPU')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('radio', { name: 'Last week' }).check();
    await expect(graph(page, 'CPU').locator('figcaption')).toContainText(/^168 points, one every hour, /, {
      timeout: 20_000,
    });
    // The same points as a table, for anyone who cannot see the lines.
    await graph(page, 'Memory').getByText('Data as a table').click();
    await expect(graph(page, 'Memory').getByRole('table').getByRole('row')).toHaveCount(169);
  });

  test('dragging across a graph zooms every graph into that time, and the whole range comes back', async ({ page }) => {
    await openTab(page, 'web-01', 'Performance');
    const caption = graph(page, 'Memory').locator('figcaption');
    await expect(caption).toContainText(/^120 points/, { timeout: 20_000 });
    const box = await graph(page, 'CPU').boundingBox();
    if (!box) throw new Error('the CPU graph has no box');
    // Across the middle of the plot: from a third of the card's width to two thirds.
    const y = box.y + 120;
    await page.mouse.move(box.x + box.width / 3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, y, { steps: 5 });
    await page.mouse.move(box.x + (box.width * 2) / 3, y, { steps: 5 });
    await page.mouse.up();
    await expect(caption).toContainText(/^\d\d? points, one every 5 seconds/);
    await page.getByRole('button', { name: 'Show the whole range' }).click();
    await expect(caption).toContainText(/^120 points/);
  });

  test('the pool dashboard shows its hosts, busiest VMs, power states, storage and alerts', async ({ page }) => {
    await openTab(page, 'Demo pool', 'Dashboard');
    const main = page.getByRole('main');
    const hosts = main.getByRole('region', { name: 'CPU and memory use' });
    for (const host of ['xcp-host-01', 'xcp-host-02', 'xcp-host-03']) {
      await expect(hosts.getByRole('row').filter({ hasText: host })).toContainText(/\d+%.*\d+%/, { timeout: 20_000 });
    }
    await expect(main.getByRole('region', { name: 'Top VMs by CPU' }).getByRole('listitem')).toHaveCount(5);
    await expect(main.getByRole('region', { name: 'Top VMs by memory' }).getByRole('listitem')).toHaveCount(5);
    await expect(
      main.getByRole('region', { name: 'VMs by power state' }).getByRole('listitem', { name: /^Running: \d+ VMs$/ }),
    ).toBeVisible();
    await expect(
      main.getByRole('region', { name: 'Storage use' }).getByRole('link', { name: 'NFS VM storage' }),
    ).toBeVisible();
    await expect(main.getByRole('region', { name: 'Recent alerts' })).toBeVisible();
  });
});

test.describe('on a pool behind the proxy', () => {
  const LISTENING = /Xenith listening on (http:\/\/127\.0\.0\.1:\d+)/;
  let sim: ServerProcess;
  let serve: ServerProcess;

  test.beforeAll(async () => {
    sim = await startSim();
    serve = await startServerProcess('server/serve.ts', ['--pool', sim.url, '--port', '0'], LISTENING);
  });

  test.afterAll(async () => {
    await serve?.stop();
    await sim?.stop();
  });

  async function connect(page: Page) {
    await page.goto(`${serve.url}/connect`);
    await page.getByRole('radio', { name: /A real pool/ }).check();
    await page.getByLabel('Pool master address').fill(new URL(sim.url).host);
    await page.getByLabel('Password').fill('xenith');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(treeItem(page, 'Demo pool')).toBeVisible({ timeout: 20_000 });
  }

  test('a graph added with a chosen data source is kept after a reload, for every administrator', async ({
    page,
    browser,
  }) => {
    test.setTimeout(60_000);
    await connect(page);
    await openTab(page, 'web-01', 'Performance');
    await expect(graph(page, 'Disk')).toBeVisible({ timeout: 20_000 });

    await page.getByRole('button', { name: 'New graph' }).click();
    const dialog = page.getByRole('dialog', { name: 'New graph' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Balloon');
    await dialog.getByRole('checkbox', { name: /^Memory target/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(graph(page, 'Balloon').locator('figcaption')).toContainText(/^120 points.*Latest: Memory target/, {
      timeout: 20_000,
    });

    await page.reload();
    await expect(graph(page, 'Balloon')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('main').getByRole('figure')).toHaveCount(5);

    // Another administrator, in a browser of their own, sees the same layout.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.addInitScript(() => localStorage.setItem('xenith.pools', '[]'));
    await connect(otherPage);
    await openTab(otherPage, 'web-01', 'Performance');
    await expect(graph(otherPage, 'Balloon')).toBeVisible({ timeout: 20_000 });
    await other.close();
  });
});
