import { defineConfig } from '@playwright/test';

// Another port lets two checkouts run their suites side by side.
const port = Number(process.env.XENITH_E2E_PORT ?? 4173);

// Settings verified on this machine (../shared/STACK.md, "Playwright settings that work here").
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  // A stray test.only must not silently skip the rest of the suite in CI.
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      // Debian's Chromium: without this Playwright looks for its own, never-downloaded browser.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // `vite preview` serves dist/ as it is and does NOT build: scripts/test.mjs runs
  // `npm run build` first; when running Playwright by hand, build first yourself.
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    // Never test against a stale server someone left running.
    reuseExistingServer: false,
  },
});
