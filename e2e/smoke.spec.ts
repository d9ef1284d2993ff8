import { expect, test } from './helpers';

test('the app loads and shows its name', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /Xenith/ })).toBeVisible();
});
