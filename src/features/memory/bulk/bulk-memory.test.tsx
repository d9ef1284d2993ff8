// @vitest-environment jsdom
/** Editing several VMs' memory at once, from the tree's menu item to the simulator's state. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { named } from '../../../../mocks/sim/lookup';
import { connectToSimulator, renderWithQueryClient } from '../../../../tests/connected-simulator';
import type { XapiRecord } from '../../../xapi/model/types';
import { BulkMemoryDialog } from './bulk-memory-dialog';
import { bulkMemory, useBulkMemoryRequest } from './bulk-memory-store';
import { memoryMenuItems } from './memory-menu-items';

const GiB = 1024 * 1024 * 1024;
const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

beforeEach(() => simulator.mirrorHolds('VM_guest_metrics'));

afterEach(() => bulkMemory.close());

const t = ((key: string, options?: object) => i18next.t(key, { ns: 'memory', ...options })) as TFunction;
const target = (name: string) => ({ poolId, ref: named(simulator.sim, 'VM', name) });
const simVm = (name: string) => simulator.sim.db.get<XapiRecord<'VM'>>('VM', named(simulator.sim, 'VM', name));

describe('Edit memory… in the tree’s menu', () => {
  it('is enabled for VMs with the same settings and opens the editor for them', () => {
    const [item] = memoryMenuItems(t, [target('web-01'), target('web-02')]);
    expect(item.label).toBe('Edit memory…');
    expect(item.disabledReason).toBeUndefined();
    item.onSelect();
    expect(useBulkMemoryRequest.getState().request).toEqual({
      poolId,
      refs: [target('web-01').ref, target('web-02').ref],
    });
  });

  it('says why not for VMs with different settings, or one that cannot balloon', () => {
    expect(memoryMenuItems(t, [target('web-01'), target('db-primary')])[0].disabledReason).toMatch(
      /different memory settings/,
    );
    expect(memoryMenuItems(t, [target('web-01'), target('legacy-erp')])[0].disabledReason).toMatch(/legacy-erp/);
  });
});

describe('the bulk editor', () => {
  it('changes both VMs’ ranges in one go', async () => {
    bulkMemory.open({ poolId, refs: [target('web-01').ref, target('web-02').ref] });
    renderWithQueryClient(<BulkMemoryDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Edit the memory of 2 VMs' });
    expect(within(dialog).getByText('VMs: web-01, web-02')).toBeDefined();
    fireEvent.keyDown(within(dialog).getByRole('slider', { name: 'Dynamic maximum' }), { key: 'PageDown' });
    expect(within(dialog).getByText(/xcp-host-01 can hold a dynamic minimum/)).toBeDefined();
    expect(within(dialog).getByText(/xcp-host-02 can hold a dynamic minimum/)).toBeDefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => {
      expect(simVm('web-01').memory_dynamic_max).toBe(3 * GiB);
      expect(simVm('web-02').memory_dynamic_max).toBe(3 * GiB);
    });
  });

  it('says which running VMs a static change restarts, before anything is sent', () => {
    bulkMemory.open({ poolId, refs: [target('web-01').ref, target('web-02').ref] });
    renderWithQueryClient(<BulkMemoryDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Edit the memory of 2 VMs' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Static maximum' }), { target: { value: '6' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Dynamic minimum' }), { target: { value: '1.5' } });
    expect(within(dialog).getByText(/start again on their own hosts: web-01, web-02/)).toBeDefined();
    expect(within(dialog).getByRole('button', { name: 'Restart 2 VMs and apply' })).toBeDefined();
    expect(simVm('web-01').memory_static_max).toBe(4 * GiB);
  });
});
