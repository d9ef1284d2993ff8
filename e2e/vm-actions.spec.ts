import { connectToSimulator, expect, findInTree, runFromTree, test, treeItem } from './helpers';

test.beforeEach(async ({ page }) => {
  await connectToSimulator(page);
});

test('a VM found through the filter starts and shuts down, in the tree and on its page', async ({ page }) => {
  // Boot, then the guest's tools, then a clean shutdown: about 15 s of the simulator's time.
  test.setTimeout(90_000);
  const vm = await findInTree(page, 'test-ubuntu');
  await expect(page.getByRole('heading', { name: 'test-ubuntu', level: 1 })).toBeVisible();
  await expect(vm.getByRole('img', { name: 'Halted' })).toBeVisible();
  // The page's power state, word for word.
  const pagePowerState = (state: string) => page.getByRole('main').getByText(state, { exact: true });
  await expect(pagePowerState('Halted')).toBeVisible();

  await runFromTree(page, 'test-ubuntu', 'Start');
  await expect(treeItem(page, 'test-ubuntu').getByRole('img', { name: 'Running' })).toBeVisible({ timeout: 20_000 });
  await expect(pagePowerState('Running')).toBeVisible();
  // A running VM sits under the host it runs on.
  await expect(treeItem(page, 'test-ubuntu')).toHaveAttribute('aria-level', '3');

  await runFromTree(page, 'test-ubuntu', 'Shut down');
  await expect(treeItem(page, 'test-ubuntu').getByRole('img', { name: 'Halted' })).toBeVisible({ timeout: 20_000 });
  await expect(treeItem(page, 'test-ubuntu')).toHaveAttribute('aria-level', '2');
  await expect(pagePowerState('Halted')).toBeVisible();
});

test('a running VM migrates to another host and moves there in the tree', async ({ page }) => {
  // A live migration copies the guest's memory: some 12 s of (real) time for web-01.
  test.setTimeout(60_000);
  await runFromTree(page, 'web-01', 'Migrate to host…');
  const dialog = page.getByRole('dialog', { name: 'Migrate web-01' });
  await expect(dialog.getByRole('radio', { name: /xcp-host-01/ })).toBeDisabled();
  await dialog.getByRole('radio', { name: /xcp-host-03/ }).check();
  await dialog.getByRole('button', { name: 'Migrate to host' }).click();

  await page.getByRole('searchbox', { name: 'Filter by name, tag or UUID' }).fill('web-01');
  const host03 = page.getByRole('treeitem', { name: 'xcp-host-03', exact: true });
  await expect(host03).toBeVisible({ timeout: 40_000 });
  await expect(page.getByRole('treeitem', { name: 'xcp-host-01', exact: true })).toHaveCount(0);
  await expect(treeItem(page, 'web-01').getByRole('img', { name: 'Running' })).toBeVisible();
});

test('a VM that fits on no host fails to start with a readable error and stays halted', async ({ page }) => {
  await findInTree(page, 'analytics-bigmem');
  await runFromTree(page, 'analytics-bigmem', 'Start');
  const failure = page.getByRole('alert').filter({ hasText: 'Start failed' });
  await expect(failure).toBeVisible({ timeout: 20_000 });
  await expect(failure).toContainText('analytics-bigmem');
  await expect(failure).toContainText(/memory/i);
  await expect(failure).not.toContainText('HOST_NOT_ENOUGH_FREE_MEMORY:');
  await expect(treeItem(page, 'analytics-bigmem').getByRole('img', { name: 'Halted' })).toBeVisible();
  await failure.getByRole('button', { name: 'Dismiss' }).click();
  await expect(failure).toHaveCount(0);
});

test('a forced shutdown asks first, and cancelling leaves the VM running', async ({ page }) => {
  await runFromTree(page, 'mail', 'Force shut down');
  const dialog = page.getByRole('dialog', { name: 'Force shut down' });
  await expect(dialog).toContainText('mail');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(treeItem(page, 'mail').getByRole('img', { name: 'Running' })).toBeVisible();
});

test('a disabled action says why', async ({ page }) => {
  await treeItem(page, 'web-01').click({ button: 'right' });
  const start = page.getByRole('menu').getByRole('menuitem', { name: 'Start', exact: true });
  await expect(start).toHaveAttribute('aria-disabled', 'true');
  await expect(start).toHaveAccessibleDescription('The VM is running');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
});
