// Shared helpers for the Playwright specs. Specs import `test` and `expect` from here,
// not from @playwright/test, so every test gets the checks below.
import { test as base, expect } from '@playwright/test';

export { expect };

export const test = base.extend<{ failOnBrowserErrors: undefined }>({
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
