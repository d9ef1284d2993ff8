import { connectToSimulator, expect, findInTree, runFromTree, test, treeItem } from './helpers';

test.beforeEach(async ({ page }) => {
  await connectToSimulator(page);
});

test('the task panel follows a start to the end, and the task can be dismissed', async ({ page }) => {
  test.setTimeout(60_000);
  await findInTree(page, 'backup-proxy');
  await runFromTree(page, 'backup-proxy', 'Start');

  const row = page.getByRole('region', { name: 'Tasks' }).getByRole('listitem', { name: 'Start VM' });
  await expect(row.getByRole('progressbar', { name: 'Progress of Start VM' })).toBeVisible();
  await expect(row.getByRole('link', { name: 'backup-proxy' })).toBeVisible();
  await expect(row).toContainText('Done', { timeout: 20_000 });
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByRole('main')).toContainText('Running');

  await row.getByRole('button', { name: 'Dismiss Start VM' }).click();
  await expect(row).toHaveCount(0);
});

test('a name is edited in place: Enter saves, Escape cancels', async ({ page }) => {
  await findInTree(page, 'mail');
  const main = page.getByRole('main');
  await main.getByRole('button', { name: 'Name: mail (click to edit)' }).click();
  await main.getByRole('textbox', { name: 'Name' }).fill('mail-01');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'mail-01', level: 1 })).toBeVisible();
  await expect(treeItem(page, 'mail-01')).toBeVisible();

  await main.getByRole('button', { name: /^Description: No description/ }).click();
  await main.getByRole('textbox', { name: 'Description' }).fill('SMTP relay');
  await page.keyboard.press('Escape');
  await expect(main.getByRole('textbox', { name: 'Description' })).toHaveCount(0);
  await expect(main.getByRole('button', { name: /^Description: No description/ })).toBeVisible();
});

test('an alert raised by an action shows in the notifications view and is dismissed', async ({ page }) => {
  test.setTimeout(60_000);
  await findInTree(page, 'test-ubuntu');
  await runFromTree(page, 'test-ubuntu', 'Start');
  await page
    .getByRole('banner')
    .getByRole('link', { name: /Notifications/ })
    .click();

  const alert = page.getByRole('main').getByRole('listitem', { name: 'VM started' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert.getByRole('link', { name: 'test-ubuntu' })).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss VM started' }).click();
  await expect(alert).toHaveCount(0);
});
