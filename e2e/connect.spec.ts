import { connectToSimulator, expect, resourceTree, test, treeItem } from './helpers';

test('connecting to the demo simulator shows its pool, hosts and VMs in the tree', async ({ page }) => {
  await connectToSimulator(page);
  await expect(page.getByRole('heading', { name: 'Demo pool', level: 1 })).toBeVisible();
  const pool = treeItem(page, 'Demo pool');
  await expect(pool).toHaveAttribute('aria-expanded', 'true');
  for (const host of ['xcp-host-01', 'xcp-host-02', 'xcp-host-03']) {
    await expect(treeItem(page, host)).toHaveAttribute('aria-level', '2');
  }
  // Running VMs sit under their host; halted ones under the pool, as in XenCenter.
  await expect(treeItem(page, 'web-01')).toHaveAttribute('aria-level', '3');
  await expect(treeItem(page, 'backup-proxy')).toHaveAttribute('aria-level', '2');
  await expect(treeItem(page, 'web-01').getByRole('img', { name: 'Running' })).toBeVisible();
});

test('a wrong password is refused in words and nothing is connected', async ({ page }) => {
  await page.goto('/connect');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The user name or password is incorrect.');
  await expect(resourceTree(page)).toHaveCount(0);
});

test('a deep link to a VM page survives a reload', async ({ page }) => {
  await connectToSimulator(page);
  await treeItem(page, 'db-primary').click();
  await expect(page).toHaveURL(/\/pools\/sim-demo\/VM\/[0-9a-f-]+\/general$/);
  const deepLink = page.url();
  await page.reload();
  await expect(page).toHaveURL(deepLink);
  await expect(page.getByRole('heading', { name: 'db-primary', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(treeItem(page, 'db-primary')).toHaveAttribute('aria-selected', 'true');
});

test('the language switches to Simplified Chinese and back, and stays chosen', async ({ page }) => {
  await connectToSimulator(page);
  const language = page.getByRole('banner').getByRole('combobox');
  await language.selectOption('zh');
  await expect(page.getByRole('banner').getByRole('button', { name: '连接…' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: '按名称、标签或 UUID 筛选' })).toBeVisible();
  await expect(treeItem(page, 'web-01').getByRole('img', { name: '正在运行' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('banner').getByRole('button', { name: '连接…' })).toBeVisible();
  await page.getByRole('banner').getByRole('combobox').selectOption('en');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Connect…' })).toBeVisible();
  await expect(treeItem(page, 'web-01').getByRole('img', { name: 'Running' })).toBeVisible();
});

test('the large scenario lists all 64 hosts in the tree', async ({ page }) => {
  await connectToSimulator(page, 'large');
  await expect(treeItem(page, 'Large pool')).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('searchbox', { name: 'Filter by name, tag or UUID' }).fill('host-');
  const hosts = resourceTree(page).getByRole('treeitem', { level: 2 });
  await expect(hosts.first()).toHaveAttribute('aria-setsize', '64');
  await expect(hosts.first()).toHaveAccessibleName('host-01');
});
