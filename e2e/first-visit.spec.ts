import { expect, test, treeItem } from './helpers';

test.use({ firstVisit: true });

test('a first visit opens on the built-in demo pool without asking', async ({ page }) => {
  await page.goto('/');
  await expect(treeItem(page, 'Demo pool')).toBeVisible({ timeout: 30_000 });
  await expect(treeItem(page, 'xcp-host-01')).toBeVisible();
});
