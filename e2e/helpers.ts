// Shared helpers for the Playwright specs. Specs import `test` and `expect` from here,
// not from @playwright/test, so every test gets the checks below.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

export const test = base.extend<{ firstVisit: boolean; failOnBrowserErrors: undefined; savedPools: undefined }>({
  // A first visit opens on the demo simulator. Specs start as a returning visitor who
  // disconnected everything, so each connects what it needs; `test.use({ firstVisit:
  // true })` tests the first visit itself.
  firstVisit: [false, { option: true }],
  savedPools: [
    async ({ page, firstVisit }, use) => {
      if (!firstVisit) {
        await page.addInitScript(() => {
          // about:blank has no storage; only the app's own pages need the mark.
          if (window.location.protocol !== 'http:') return;
          if (localStorage.getItem('xenith.pools') === null) localStorage.setItem('xenith.pools', '[]');
        });
      }
      await use(undefined);
    },
    { auto: true },
  ],
  // Automatic fixture: an error logged in the browser (a failed request, a React
  // warning logged as an error, an uncaught exception) fails the test that caused it,
  // even when the page still looks right.
  failOnBrowserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url, lineNumber } = message.location();
        errors.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message}`));
      await use(undefined);
      expect(errors, 'browser console errors and uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** The resource tree on the left (the only tree on the page, whatever the language). */
export const resourceTree = (page: Page) => page.getByRole('tree');

/** A node of the tree by its exact name ("web-01" must not also find "web-02"). */
export const treeItem = (page: Page, name: string) => resourceTree(page).getByRole('treeitem', { name, exact: true });

/**
 * Connects to the in-browser simulator from the connect screen, as a person would, and
 * waits for the pool to show in the tree.
 */
export async function connectToSimulator(page: Page, scenario: 'demo' | 'large' = 'demo'): Promise<void> {
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Connect…' }).click();
  await page.getByLabel('Scenario').selectOption(scenario);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const pool = scenario === 'demo' ? 'Demo pool' : 'Large pool';
  await expect(treeItem(page, pool)).toBeVisible({ timeout: 30_000 });
}

/** Narrows the tree with its filter box and opens the one node called `name`. */
export async function findInTree(page: Page, name: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Filter by name, tag or UUID' }).fill(name);
  const item = treeItem(page, name);
  await item.click();
  return item;
}

/**
 * Runs an action from a tree node's context menu, once the menu offers it: as a person
 * would, it opens the menu again until the VM allows the action (a guest's tools come
 * up a few seconds after it boots, and only then may it be shut down cleanly).
 */
export async function runFromTree(page: Page, nodeName: string, action: string): Promise<void> {
  const item = page.getByRole('menu').getByRole('menuitem', { name: action, exact: true });
  await expect(async () => {
    // Close a menu left open by the previous look, or it covers the node.
    if ((await page.getByRole('menu').count()) > 0) await page.keyboard.press('Escape');
    await treeItem(page, nodeName).click({ button: 'right' });
    await expect(item).not.toHaveAttribute('aria-disabled', 'true', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await item.click();
}
