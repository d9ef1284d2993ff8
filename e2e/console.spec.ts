import type { Locator, Page } from '@playwright/test';
import { connectToSimulator, expect, findInTree, test, treeItem } from './helpers';

test.beforeEach(async ({ page }) => {
  await connectToSimulator(page);
});

/** Opens an object's page from the tree and its Console tab. */
async function openConsoleTab(page: Page, name: string): Promise<void> {
  await findInTree(page, name);
  await page.getByRole('tab', { name: 'Console' }).click();
}

const consoleRegion = (page: Page, name: string) => page.getByRole('region', { name: `Console of ${name}` });
const textScreen = (page: Page, name: string) => page.getByRole('region', { name: `Text console of ${name}` });
/** The text console's rows on screen, as xterm.js's screen reader mode lists them. */
const textRows = (page: Page, name: string) => textScreen(page, name).getByRole('listitem');
const rowMatching = (page: Page, name: string, text: RegExp) => textRows(page, name).filter({ hasText: text });

/** Types a line into the console and presses Enter. */
async function typeLine(page: Page, screen: Locator, line: string): Promise<void> {
  await screen.click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Opens the text console and logs in as root (password xenith, the simulator's own). */
async function logInOnTextConsole(page: Page, name: string, switchToText: boolean): Promise<Locator> {
  await openConsoleTab(page, name);
  if (switchToText) await page.getByRole('radio', { name: 'Text' }).check();
  const screen = textScreen(page, name);
  await expect(consoleRegion(page, name).getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  // The guest may still be booting: its login prompt comes when its boot is over.
  await expect(rowMatching(page, name, / login: $/)).not.toHaveCount(0, { timeout: 45_000 });
  await typeLine(page, screen, 'root');
  await expect(rowMatching(page, name, /^Password: $/)).not.toHaveCount(0);
  await typeLine(page, screen, 'xenith');
  await expect(rowMatching(page, name, /^\[?root@.*[#$] $/)).not.toHaveCount(0);
  return screen;
}

/** Runs a command on a cleared screen, so no earlier output can be taken for its answer. */
async function runOnCleanScreen(page: Page, name: string, screen: Locator, command: string): Promise<void> {
  await typeLine(page, screen, 'clear');
  await expect(rowMatching(page, name, /\S/)).toHaveCount(1);
  await typeLine(page, screen, command);
}

/** `free -m`, and its total in MiB. */
async function freeTotalMiB(page: Page, name: string, screen: Locator): Promise<number> {
  await runOnCleanScreen(page, name, screen, 'free -m');
  const mem = rowMatching(page, name, /^Mem:\s+\d+/);
  await expect(mem).toHaveCount(1);
  return Number(/^Mem:\s+(\d+)/.exec((await mem.textContent()) ?? '')?.[1]);
}

/** The Memory tab's figures as XenCenter shows them: GiB with one decimal. */
const asGiB = (mib: number) => `${(mib / 1024).toFixed(1)} GiB`;

/** Opens the Memory tab and waits for the balloon to settle; returns its actual memory as shown. */
async function settledActualMemory(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Memory' }).click();
  const balloon = page.getByRole('region', { name: 'Balloon' });
  await expect(balloon.getByText('At its target')).toBeVisible({ timeout: 60_000 });
  return (await balloon.getByRole('definition').nth(1).textContent()) ?? '';
}

test('a running Linux VM’s text console logs in, and free -m shows the Memory tab’s actual memory', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // web-02's host holds more than it has, so squeezed keeps it below its maximum: a figure of its own.
  await findInTree(page, 'web-02');
  const actual = await settledActualMemory(page);
  const screen = await logInOnTextConsole(page, 'web-02', true);
  // free -m prints memory_actual in whole MiB; the Memory tab shows the same bytes in GiB.
  expect(asGiB(await freeTotalMiB(page, 'web-02', screen))).toBe(actual);
});

test('free -m follows a new memory range once the balloon has moved', async ({ page }) => {
  test.setTimeout(150_000);
  const screen = await logInOnTextConsole(page, 'web-02', true);
  const before = await freeTotalMiB(page, 'web-02', screen);

  await page.getByRole('tab', { name: 'Memory' }).click();
  await page.getByRole('slider', { name: 'Dynamic maximum' }).focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('slider', { name: 'Dynamic maximum' })).toHaveAttribute('aria-valuetext', '2.0 GiB');
  await page.getByRole('region', { name: 'Memory', exact: true }).getByRole('button', { name: 'Apply' }).click();
  // squeezed shares the host among its guests: the new target is 2.0 GiB or less. Wait for the
  // balloon to move below the old figure ("At its target" also shows for the old target).
  const shown = page.getByRole('region', { name: 'Balloon' }).getByRole('definition').nth(1);
  await expect
    .poll(async () => Number.parseFloat((await shown.textContent()) ?? ''), { timeout: 60_000 })
    .toBeLessThanOrEqual(2);
  const actual = await settledActualMemory(page);

  // The shell is still logged in: the console shows the same tty again.
  await page.getByRole('tab', { name: 'Console' }).click();
  await page.getByRole('radio', { name: 'Text' }).check();
  await expect(rowMatching(page, 'web-02', /^root@.*# /)).not.toHaveCount(0);
  const after = await freeTotalMiB(page, 'web-02', screen);
  expect(after).toBeLessThan(before);
  expect(asGiB(after)).toBe(actual);
});

test('poweroff in the guest halts the VM, the banner offers Start, and the console comes back by itself', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const screen = await logInOnTextConsole(page, 'web-01', true);
  await typeLine(page, screen, 'poweroff');
  await expect(treeItem(page, 'web-01').getByRole('img', { name: 'Halted' })).toBeVisible({ timeout: 60_000 });
  const region = consoleRegion(page, 'web-01');
  await expect(region.getByText('web-01 is shut down.')).toBeVisible();
  await region.getByRole('button', { name: 'Start' }).click();
  await expect(treeItem(page, 'web-01').getByRole('img', { name: 'Running' })).toBeVisible({ timeout: 60_000 });
  // Its new console record appears, and the console connects to the guest booting again.
  await expect(region.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 30_000 });
  await expect(rowMatching(page, 'web-01', /Linux version/)).not.toHaveCount(0, { timeout: 30_000 });
});

test('Scale to fit keeps the text console at 80 × 25, as the guest writes it, and sizes its letters to the box', async ({
  page,
}) => {
  await openConsoleTab(page, 'web-02');
  await page.getByRole('radio', { name: 'Text' }).check();
  const screen = textScreen(page, 'web-02');
  await expect(consoleRegion(page, 'web-02').getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  const measure = () =>
    screen.evaluate((element) => {
      const grid = element.querySelector('.xterm-screen')!.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return { gridWidth: grid.width, gridHeight: grid.height, boxWidth: box.width, boxHeight: box.height };
    });
  await expect(page.getByRole('button', { name: 'Scale to fit' })).toHaveAttribute('aria-pressed', 'true');
  await expect(textRows(page, 'web-02')).toHaveCount(25);
  const scaled = await measure();
  // The grid fills the box along one side and spills over along neither.
  expect(scaled.gridWidth).toBeLessThanOrEqual(scaled.boxWidth);
  expect(scaled.gridHeight).toBeLessThanOrEqual(scaled.boxHeight);
  expect(Math.max(scaled.gridWidth / scaled.boxWidth, scaled.gridHeight / scaled.boxHeight)).toBeGreaterThan(0.85);

  await page.getByRole('button', { name: 'Scale to fit' }).click();
  await expect(textRows(page, 'web-02')).toHaveCount(25);
  await expect.poll(async () => (await measure()).gridHeight).not.toBe(scaled.gridHeight);
});

/** A fingerprint of what the graphical console's canvas shows, and how much of it is not black. */
function canvasPixels(screen: Locator): Promise<{ lit: number; hash: number }> {
  return screen.evaluate((element) => {
    const canvas = element.querySelector('canvas');
    if (!canvas || canvas.width === 0) return { lit: 0, hash: 0 };
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let lit = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] + data[i + 1] + data[i + 2] > 0) lit++;
      hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) | 0;
    }
    return { lit, hash };
  });
}

test('the graphical console draws the guest’s screen and reacts to keys', async ({ page }) => {
  test.setTimeout(90_000);
  await openConsoleTab(page, 'web-01');
  const screen = page.getByRole('application', { name: 'Graphical console of web-01' });
  await expect(consoleRegion(page, 'web-01').getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect.poll(async () => (await canvasPixels(screen)).lit, { timeout: 20_000 }).toBeGreaterThan(1000);
  // Once the boot has stopped printing, the picture holds still until a key is typed.
  let before = await canvasPixels(screen);
  await expect
    .poll(
      async () => {
        const now = await canvasPixels(screen);
        const still = now.hash === before.hash;
        before = now;
        return still;
      },
      { timeout: 45_000, intervals: [1500] },
    )
    .toBe(true);
  await screen.focus();
  await page.keyboard.type('root');
  await expect.poll(async () => (await canvasPixels(screen)).hash, { timeout: 10_000 }).not.toBe(before.hash);
});

/** The colour of one pixel of the guest's screen, as #rrggbb; x is counted from the middle. */
function pixelFromCentre(screen: Locator, dx: number, y: number): Promise<string> {
  return screen.evaluate(
    (element, [dx, y]) => {
      const canvas = element.querySelector('canvas');
      if (!canvas || canvas.width === 0) return '';
      const [r, g, b] = canvas.getContext('2d')!.getImageData(canvas.width / 2 + dx, y, 1, 1).data;
      return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    },
    [dx, y],
  );
}

test('Send Ctrl+Alt+Del opens a Windows guest’s sign-in box', async ({ page }) => {
  await openConsoleTab(page, 'win-dc01');
  // A Windows guest has no text console: no switch, and the graphical console shows.
  await expect(page.getByRole('radio', { name: 'Text' })).toHaveCount(0);
  const screen = page.getByRole('application', { name: 'Graphical console of win-dc01' });
  // Beside the middle, 230 px down: the lock screen's plain blue, the sign-in box's
  // picture of the user (mocks/console/windows-display.ts). The lock screen's clock
  // changes other pixels as it ticks, so a changed picture alone would prove nothing.
  const LOCK_BLUE = '#0b3a6e';
  const AVATAR = '#3c6ea5';
  await expect.poll(() => pixelFromCentre(screen, 60, 230), { timeout: 20_000 }).toBe(LOCK_BLUE);
  await page.getByRole('button', { name: 'Send Ctrl+Alt+Del' }).click();
  await expect.poll(() => pixelFromCentre(screen, 60, 230), { timeout: 10_000 }).toBe(AVATAR);
});

test('a host’s console is its control domain’s shell, and xl list lists the host’s VMs', async ({ page }) => {
  test.setTimeout(90_000);
  const screen = await logInOnTextConsole(page, 'xcp-host-02', false);
  await expect(page.getByRole('button', { name: 'Send Ctrl+Alt+Del' })).toHaveAttribute('aria-disabled', 'true');
  await runOnCleanScreen(page, 'xcp-host-02', screen, 'xl list');
  await expect(rowMatching(page, 'xcp-host-02', /^Domain-0\s+0\s/)).toHaveCount(1);
  for (const vm of ['web-02', 'db-replica', 'win-sql01', 'build-runner']) {
    await expect(rowMatching(page, 'xcp-host-02', new RegExp(`^${vm}\\s+\\d+\\s+\\d+`))).toHaveCount(1);
  }
  // Only this host's domains: web-01 runs on xcp-host-01.
  await expect(rowMatching(page, 'xcp-host-02', /^web-01\s/)).toHaveCount(0);
});

test('a halted VM’s console tab says so and offers Start; a suspended one offers Resume', async ({ page }) => {
  await openConsoleTab(page, 'backup-proxy');
  const halted = consoleRegion(page, 'backup-proxy');
  await expect(halted.getByText('backup-proxy is shut down.')).toBeVisible();
  await expect(halted.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(halted.getByRole('group', { name: 'Console actions' })).toHaveCount(0);

  await openConsoleTab(page, 'staging-app');
  const suspended = consoleRegion(page, 'staging-app');
  await expect(suspended.getByText('staging-app is suspended.')).toBeVisible();
  await expect(suspended.getByRole('button', { name: 'Resume' })).toBeVisible();
});

test('a console opens in a window of its own, on the same guest and the same shell', async ({ page }) => {
  test.setTimeout(90_000);
  const screen = await logInOnTextConsole(page, 'web-02', true);
  await runOnCleanScreen(page, 'web-02', screen, 'echo typed-in-the-tab');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Open in a separate window' }).click(),
  ]);
  const errors: string[] = [];
  popup.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await expect(popup).toHaveTitle('Console of web-02', { timeout: 30_000 });
  // The console alone: no tree, no tabs.
  await expect(popup.getByRole('tree')).toHaveCount(0);
  await expect(rowMatching(popup, 'web-02', /^typed-in-the-tab$/)).toHaveCount(1, { timeout: 30_000 });
  await typeLine(popup, textScreen(popup, 'web-02'), 'echo typed-in-the-window');
  await expect(rowMatching(page, 'web-02', /^typed-in-the-window$/)).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a console window says so when the page whose simulator it shares reloads', async ({ page }) => {
  test.setTimeout(90_000);
  await openConsoleTab(page, 'web-02');
  await page.getByRole('radio', { name: 'Text' }).check();
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Open in a separate window' }).click(),
  ]);
  await expect(textScreen(popup, 'web-02')).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(popup.getByRole('alert')).toContainText(
    'The page that opened this window has closed or reloaded, and the simulated pool this console used went with it.',
  );
  await expect(textScreen(popup, 'web-02')).toHaveCount(0);
});

test('the text console’s Paste types the clipboard, Copy takes the selection, and Ctrl+Alt leaves the console', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const screen = await logInOnTextConsole(page, 'web-02', true);
  await runOnCleanScreen(page, 'web-02', screen, 'hostname');
  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-from-the-clipboard\n'));
  await page.getByRole('button', { name: 'Paste' }).click();
  await expect(rowMatching(page, 'web-02', /^pasted-from-the-clipboard$/)).toHaveCount(1);

  // Nothing selected: Copy says why. A double click on a word selects it, as in any terminal.
  const copy = page.getByRole('button', { name: 'Copy' });
  await expect(copy).toHaveAccessibleDescription('Select text in the console first.');
  const word = rowMatching(page, 'web-02', /^pasted-from-the-clipboard$/);
  const box = (await word.boundingBox())!;
  await page.mouse.dblclick(box.x + 4, box.y + box.height / 2);
  await expect(copy).not.toHaveAttribute('aria-disabled', 'true');
  await copy.click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^pasted/);

  // Ctrl+] is the guest's (xl console's and telnet's detach key): it stays in the console.
  await screen.click();
  await page.keyboard.press('Control+BracketRight');
  await expect(page.getByRole('textbox', { name: 'Keyboard input for the text console' })).toBeFocused();
  // The keyboard can always leave the console: Ctrl+Alt, pressed and let go, puts it back on the toolbar.
  await page.keyboard.down('Control');
  await page.keyboard.down('Alt');
  await page.keyboard.up('Alt');
  await page.keyboard.up('Control');
  await expect(page.getByRole('radio', { name: 'Text' })).toBeFocused();
});

test('Paste says how to paste with the keyboard when the browser keeps the clipboard to itself', async ({
  page,
  context,
}) => {
  await context.clearPermissions();
  await logInOnTextConsole(page, 'web-02', true);
  await page.getByRole('button', { name: 'Paste' }).click();
  await expect(page.getByRole('alert')).toContainText('The browser did not let this page read the clipboard.');
});

test('Full screen puts the console alone on the screen, and the same button brings it back', async ({ page }) => {
  await openConsoleTab(page, 'win-dc01');
  await page.getByRole('button', { name: 'Full screen' }).click();
  await expect(page.getByRole('button', { name: 'Exit full screen' })).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label'))).toBe('Console of win-dc01');
  await page.getByRole('button', { name: 'Exit full screen' }).click();
  await expect(page.getByRole('button', { name: 'Full screen' })).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
});
