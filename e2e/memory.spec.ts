import { connectToSimulator, expect, findInTree, test, treeItem } from './helpers';

test.beforeEach(async ({ page }) => {
  await connectToSimulator(page);
});

/** Opens a VM's page from the tree and its Memory tab. */
async function openMemoryTab(page: import('@playwright/test').Page, vm: string) {
  await findInTree(page, vm);
  await page.getByRole('tab', { name: 'Memory' }).click();
  await expect(
    page.getByRole('slider', { name: 'Dynamic minimum' }).or(page.getByText(/balloon driver/)),
  ).toBeVisible();
}

const memorySection = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Memory', exact: true });

test('a running VM’s range moves by keyboard, previews on the host, applies, and the balloon converges', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openMemoryTab(page, 'web-02');
  const low = page.getByRole('slider', { name: 'Dynamic minimum' });
  const high = page.getByRole('slider', { name: 'Dynamic maximum' });
  await low.focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(low).toHaveAttribute('aria-valuetext', '3.0 GiB');
  await high.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect(high).toHaveAttribute('aria-valuetext', '3.5 GiB');

  // Before anything is sent, the host's bar shows where squeezed would settle the VM.
  const preview = page.getByRole('list', { name: 'Memory of xcp-host-02, after the change' });
  await expect(
    preview.getByRole('link', {
      name: /^web-02, .*Dynamic range: 3\.0 GiB – 3\.5 GiB, After the change \(about\): 3\.\d GiB$/,
    }),
  ).toBeVisible();

  await memorySection(page).getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('region', { name: 'Tasks' }).getByText('Change memory')).toBeVisible();

  // The balloon reaches its new target: in the figures, the chart, and the host's bar.
  // "At its target" also shows for the old target until the new one arrives: wait for the figure first.
  const balloon = page.getByRole('region', { name: 'Balloon' });
  const actual = balloon.getByRole('definition').nth(1);
  await expect(actual).toHaveText(/^3\.\d GiB$/, { timeout: 60_000 });
  await expect(balloon.getByText('At its target')).toBeVisible({ timeout: 60_000 });
  await expect(balloon.getByRole('img', { name: 'Target and actual memory over the last minutes' })).toContainText(
    'Actual',
  );
  const bar = page.getByRole('list', { name: 'Memory of xcp-host-02' });
  await expect(
    bar.getByRole('link', { name: /^web-02, Memory now: 3\.\d GiB, Dynamic range: 3\.0 GiB – 3\.5 GiB$/ }),
  ).toBeVisible();
});

test('a typed value that breaks a rule says which, and Apply stays off', async ({ page }) => {
  await openMemoryTab(page, 'web-01');
  await page.getByRole('textbox', { name: 'Dynamic minimum', exact: true }).fill('5');
  const rule = 'The dynamic minimum (5.0 GiB) is more than the dynamic maximum (4.0 GiB).';
  await expect(
    page.getByRole('list', { name: 'Memory rules' }).getByRole('listitem').filter({ hasText: rule }),
  ).toBeVisible();
  const apply = memorySection(page).getByRole('button', { name: 'Apply' });
  await expect(apply).toHaveAttribute('aria-disabled', 'true');
  await expect(apply).toHaveAccessibleDescription(rule);
});

test('a new static maximum on a running VM restarts it on the same host with the new value', async ({ page }) => {
  test.setTimeout(120_000);
  await openMemoryTab(page, 'web-01');
  await page.getByRole('textbox', { name: 'Static maximum', exact: true }).fill('6');
  // The pool keeps the dynamic minimum at a quarter of the static maximum or more.
  await page.getByRole('textbox', { name: 'Dynamic minimum', exact: true }).fill('1.5');
  await memorySection(page).getByRole('button', { name: 'Apply' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restart web-01 to change its memory?' });
  await expect(dialog).toContainText('it starts again on xcp-host-01.');
  await dialog.getByRole('button', { name: 'Restart and apply' }).click();

  const tasks = page.getByRole('region', { name: 'Tasks' });
  await expect(tasks.getByText('Shut down VM')).toBeVisible({ timeout: 30_000 });
  await expect(tasks.getByText('Start VM on host')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('textbox', { name: 'Static maximum', exact: true })).toHaveValue('6.0', {
    timeout: 60_000,
  });
  await expect(page.getByRole('heading', { name: 'Memory of xcp-host-01' })).toBeVisible({ timeout: 60_000 });
  await expect(treeItem(page, 'web-01').getByRole('img', { name: 'Running' })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: 'xcp-host-01', exact: true })).toBeVisible();
});

test('a vCPU is hot-added to a running guest', async ({ page }) => {
  await openMemoryTab(page, 'web-02');
  const vcpus = page.getByRole('region', { name: 'vCPUs' });
  await expect(vcpus.getByText('2 of 4 vCPUs running.')).toBeVisible();
  await vcpus.getByRole('slider', { name: 'Number of vCPUs' }).focus();
  await page.keyboard.press('ArrowRight');
  await vcpus.getByRole('button', { name: 'Apply' }).click();
  await expect(vcpus.getByText('3 of 4 vCPUs running.')).toBeVisible({ timeout: 20_000 });
});

test('two VMs with the same settings get a new range in one go from the tree', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'Filter by name, tag or UUID' }).fill('web-0');
  await treeItem(page, 'web-01').click();
  await treeItem(page, 'web-02').click({ modifiers: ['Control'] });
  await treeItem(page, 'web-02').click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Edit memory…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit the memory of 2 VMs' });
  await dialog.getByRole('slider', { name: 'Dynamic maximum' }).focus();
  await page.keyboard.press('PageDown');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toHaveCount(0);
  for (const vm of ['web-01', 'web-02']) {
    await treeItem(page, vm).click();
    await page.getByRole('tab', { name: 'Memory' }).click();
    await expect(page.getByRole('slider', { name: 'Dynamic maximum' })).toHaveAttribute('aria-valuetext', '3.0 GiB', {
      timeout: 20_000,
    });
  }
});
