import { expect, test } from './helpers';

test('the app reads the demo pool from the in-browser simulator over XAPI', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Xenith' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Demo pool' })).toBeVisible();
  const hosts = page.getByRole('region', { name: 'Hosts' });
  await expect(hosts.getByRole('heading', { name: 'Hosts (3)' })).toBeVisible();
  await expect(hosts.getByRole('listitem').filter({ hasText: 'xcp-host-01' })).toContainText('256 GiB');
  await expect(page.getByRole('region', { name: 'Guests' }).getByRole('listitem')).toHaveText([
    /Running: \d+/,
    /Paused: 1/,
    /Suspended: 2/,
    /Halted: \d+/,
  ]);
});

test('?scenario=large builds the 64-host pool in the browser', async ({ page }) => {
  await page.goto('/?scenario=large');
  await expect(page.getByRole('heading', { name: 'Large pool' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Hosts (64)' })).toBeVisible();
});
