/**
 * A real pool, as a person reaches one: the built app served by `npm run serve` with
 * its proxy, and `npm run sim` standing in for the pool behind it.
 */
import { type ServerProcess, startServerProcess } from '../scripts/server-process';
import { startSim } from '../scripts/sim-process';
import { expect, test, treeItem } from './helpers';

const LISTENING = /Xenith listening on (http:\/\/127\.0\.0\.1:\d+)/;

let sim: ServerProcess;
let serve: ServerProcess;
/** What a person types as the pool's address: the simulator's host:port. */
let address: string;

test.beforeAll(async () => {
  sim = await startSim();
  address = new URL(sim.url).host;
  serve = await startServerProcess('server/serve.ts', ['--pool', sim.url, '--port', '0'], LISTENING);
});

test.afterAll(async () => {
  await serve?.stop();
  await sim?.stop();
});

async function connectToPool(page: import('@playwright/test').Page, password: string) {
  await page.getByRole('radio', { name: /A real pool/ }).check();
  await page.getByLabel('Pool master address').fill(address);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

test('a real pool connects through the proxy and is still there after a reload', async ({ page }) => {
  await page.goto(`${serve.url}/connect`);
  await connectToPool(page, 'xenith');
  await expect(treeItem(page, 'Demo pool')).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`/pools/${encodeURIComponent(address)}/pool/`));

  await page.reload();
  await expect(treeItem(page, 'Demo pool')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Demo pool', level: 1 })).toBeVisible();
});

test('a wrong password for a real pool is refused in words', async ({ page }) => {
  await page.goto(`${serve.url}/connect`);
  await connectToPool(page, 'wrong');
  await expect(page.getByRole('alert')).toContainText('The user name or password is incorrect.');
});

test('a pool whose session ended shows as disconnected, and Reconnect fills in the form', async ({ page }) => {
  await page.goto(`${serve.url}/connect`);
  await connectToPool(page, 'xenith');
  await expect(treeItem(page, 'Demo pool')).toBeVisible({ timeout: 20_000 });

  // The pool restarts (every session ends) while the console is closed.
  await page.goto('about:blank');
  await sim.stop();
  sim = await startSim(['--port', new URL(sim.url).port]);

  await page.goto(`${serve.url}/`);
  const pool = treeItem(page, address);
  await expect(pool).toHaveAccessibleDescription('Disconnected', { timeout: 20_000 });
  await pool.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Reconnect…' }).click();
  await expect(page.getByLabel('Pool master address')).toHaveValue(address);
  await page.getByLabel('Password').fill('xenith');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(treeItem(page, 'Demo pool')).toBeVisible({ timeout: 20_000 });
});

test('a VM’s console opens through the proxy and shows the guest’s login prompt', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${serve.url}/connect`);
  await connectToPool(page, 'xenith');
  await expect(treeItem(page, 'Demo pool')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('searchbox', { name: 'Filter by name, tag or UUID' }).fill('web-01');
  await treeItem(page, 'web-01').click();
  await page.getByRole('tab', { name: 'Console' }).click();
  const textSocket = page.waitForEvent('websocket', (socket) => socket.url().includes('/console?uuid='));
  await page.getByRole('radio', { name: 'Text' }).check();
  // The proxy's console path for the pool named: the simulator's location names no host.
  expect(new URL((await textSocket).url()).pathname).toBe(`/pool/${encodeURIComponent(address)}/console`);
  const region = page.getByRole('region', { name: 'Console of web-01' });
  await expect(region.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 20_000 });
  // The proxy asked the pool with CONNECT /console and bridged the answer.
  const rows = page.getByRole('region', { name: 'Text console of web-01' }).getByRole('listitem');
  await expect(rows.filter({ hasText: / login: $/ })).not.toHaveCount(0, { timeout: 45_000 });
});
