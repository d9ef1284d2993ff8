// @vitest-environment jsdom
/**
 * A VM's Memory tab as a person uses it, against the simulator the way the app reaches
 * it: the slider and fields, the rules shown before anything is sent, Apply sending the
 * change and the simulator's state following, and the vCPU editors.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { named } from '../../../../mocks/sim/lookup';
import { connectToSimulator, renderWithQueryClient } from '../../../../tests/connected-simulator';
import { getConnection } from '../../../store/connections';
import type { Ref, XapiRecord } from '../../../xapi/model/types';
import { MemoryTab } from '../memory-tab';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

const vmRef = (name: string) => named(simulator.sim, 'VM', name);
const simVm = (name: string) => simulator.sim.db.get<XapiRecord<'VM'>>('VM', vmRef(name));

async function renderTab(name: string) {
  // The tab reads the mirror; wait until the pool has loaded the VM's records.
  await simulator.mirrorHolds('VM_guest_metrics');
  renderWithQueryClient(<MemoryTab poolId={poolId} cls="VM" objectRef={vmRef(name)} />);
  return screen.findByRole('slider', { name: 'Dynamic minimum' });
}

const rules = () => screen.getByRole('list', { name: 'Memory rules' });
const apply = () => within(screen.getAllByRole('region')[0]).getByRole('button', { name: 'Apply' });

describe('the range editor', () => {
  it('has two named thumbs spanning static minimum to static maximum, moved by the keyboard', async () => {
    const low = await renderTab('web-02');
    const high = screen.getByRole('slider', { name: 'Dynamic maximum' });
    expect(low.getAttribute('aria-valuemin')).toBe(String(512 * MiB));
    expect(low.getAttribute('aria-valuenow')).toBe(String(1 * GiB));
    expect(low.getAttribute('aria-valuemax')).toBe(String(4 * GiB));
    expect(high.getAttribute('aria-valuemax')).toBe(String(4 * GiB));
    expect(low.getAttribute('aria-valuetext')).toBe('1.0 GiB');

    fireEvent.keyDown(low, { key: 'PageUp' });
    expect(low.getAttribute('aria-valuenow')).toBe(String(2 * GiB));
    fireEvent.keyDown(high, { key: 'ArrowLeft' });
    expect(high.getAttribute('aria-valuetext')).toBe('3.875 GiB');
    fireEvent.keyDown(high, { key: 'Home' });
    // The high thumb stops at the low one.
    expect(high.getAttribute('aria-valuenow')).toBe(String(2 * GiB));
    expect((screen.getByRole('textbox', { name: 'Dynamic maximum' }) as HTMLInputElement).value).toBe('2.0');
    expect(screen.getByRole('list', { name: 'Memory of xcp-host-02, after the change' })).toBeDefined();
  });

  it('sends a live range change and the VM takes it', async () => {
    const low = await renderTab('web-02');
    fireEvent.keyDown(low, { key: 'PageUp' });
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Dynamic maximum' }), { key: 'PageDown' });
    fireEvent.click(apply());
    await waitFor(() => expect(simVm('web-02').memory_dynamic_min).toBe(2 * GiB), { timeout: 5000 });
    expect(simVm('web-02').memory_dynamic_max).toBe(3 * GiB);
    // The editor starts again from the values that arrived: nothing left to apply.
    await waitFor(() => expect(apply().getAttribute('aria-disabled')).toBe('true'));
  });

  it('shows the rule a typed value breaks and does not send it', async () => {
    await renderTab('web-02');
    fireEvent.change(screen.getByRole('textbox', { name: 'Dynamic minimum' }), { target: { value: '5' } });
    const broken = within(rules()).getByText(/The dynamic minimum \(5\.0 GiB\) is more than the dynamic maximum/);
    expect(broken.textContent).toContain('Not met');
    expect(apply().getAttribute('aria-disabled')).toBe('true');
    expect(apply()).toHaveProperty('title', expect.stringContaining('is more than the dynamic maximum'));
    fireEvent.click(apply());
    expect(simVm('web-02').memory_dynamic_min).toBe(1 * GiB);
  });

  it('explains input that is not a size, and the pool’s ratio', async () => {
    await renderTab('web-02');
    const field = screen.getByRole('textbox', { name: 'Dynamic minimum' });
    fireEvent.change(field, { target: { value: 'lots' } });
    expect(within(rules()).getByText(/Dynamic minimum is not a size/)).toBeDefined();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field, { target: { value: '600 MiB' } });
    expect(within(rules()).getByText(/must be at least 1\.0 GiB: this pool keeps it at 25% or more/)).toBeDefined();
  });

  it('refuses a dynamic minimum the host cannot reserve', async () => {
    // Another guest on xcp-host-02 takes 8 GiB more as its minimum first.
    await getConnection(poolId).call(
      'VM.set_memory_dynamic_range',
      vmRef('win-sql01') as Ref<'VM'>,
      16 * GiB,
      16 * GiB,
    );
    await renderTab('db-replica');
    fireEvent.change(screen.getByRole('textbox', { name: 'Dynamic minimum' }), { target: { value: '32' } });
    expect(within(rules()).getByText(/xcp-host-02 cannot reserve a dynamic minimum of 32\.0 GiB/)).toBeDefined();
    expect(apply().getAttribute('aria-disabled')).toBe('true');
  });

  it('refuses a static change the VM could not restart with on its host', async () => {
    await renderTab('web-02');
    fireEvent.change(screen.getByRole('textbox', { name: 'Static maximum' }), { target: { value: '64' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Dynamic maximum' }), { target: { value: '60' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Dynamic minimum' }), { target: { value: '60' } });
    expect(within(rules()).getByText(/could not start again/)).toBeDefined();
  });
});

describe('a VM without a balloon driver', () => {
  it('says why and offers one fixed size', async () => {
    await simulator.mirrorHolds('VM_guest_metrics');
    renderWithQueryClient(<MemoryTab poolId={poolId} cls="VM" objectRef={vmRef('legacy-erp')} />);
    expect(await screen.findByText(/has no balloon driver running/)).toBeDefined();
    expect(screen.queryByRole('slider', { name: 'Dynamic minimum' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Memory' })).toBeDefined();
  });
});

describe('a static change on a running VM', () => {
  it('asks, then restarts the VM on the same host with the new value', async () => {
    await renderTab('web-01');
    const host = simVm('web-01').resident_on;
    fireEvent.change(screen.getByRole('textbox', { name: 'Static maximum' }), { target: { value: '6' } });
    // The pool keeps the dynamic minimum at a quarter of the static maximum or more.
    fireEvent.change(screen.getByRole('textbox', { name: 'Dynamic minimum' }), { target: { value: '1.5' } });
    expect(
      screen.getByText(/Apply shuts it down, changes its memory and starts it again on xcp-host-01/),
    ).toBeDefined();
    fireEvent.click(apply());
    const dialog = await screen.findByRole('dialog', { name: 'Restart web-01 to change its memory?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restart and apply' }));
    await waitFor(
      () => {
        expect(simVm('web-01').memory_static_max).toBe(6 * GiB);
        expect(simVm('web-01').power_state).toBe('Running');
      },
      { timeout: 15_000 },
    );
    expect(simVm('web-01').resident_on).toBe(host);
  });
});

describe('vCPUs', () => {
  it('hot-adds a vCPU to a running guest', async () => {
    await renderTab('web-02');
    const slider = screen.getByRole('slider', { name: 'Number of vCPUs' });
    expect(slider.getAttribute('aria-valuetext')).toBe('2 of 4');
    fireEvent.change(slider, { target: { value: '3' } });
    const vcpus = screen.getByRole('region', { name: 'vCPUs' });
    fireEvent.click(within(vcpus).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(simVm('web-02').VCPUs_at_startup).toBe(3), { timeout: 5000 });
    expect(await within(vcpus).findByText('3 of 4 vCPUs running.')).toBeDefined();
  });

  it('sets a halted VM’s maximum and startup count, raising the maximum first', async () => {
    await renderTab('test-ubuntu');
    const vcpus = screen.getByRole('region', { name: 'vCPUs' });
    fireEvent.change(within(vcpus).getByRole('spinbutton', { name: 'Maximum vCPUs' }), { target: { value: '8' } });
    fireEvent.change(within(vcpus).getByRole('spinbutton', { name: 'vCPUs at startup' }), { target: { value: '6' } });
    fireEvent.click(within(vcpus).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(simVm('test-ubuntu').VCPUs_max).toBe(8), { timeout: 5000 });
    await waitFor(() => expect(simVm('test-ubuntu').VCPUs_at_startup).toBe(6));
  });

  it('refuses a startup count above the maximum', async () => {
    await renderTab('test-ubuntu');
    const vcpus = screen.getByRole('region', { name: 'vCPUs' });
    fireEvent.change(within(vcpus).getByRole('spinbutton', { name: 'vCPUs at startup' }), { target: { value: '9' } });
    expect(within(vcpus).getByRole('listitem').textContent).toBe(
      'vCPUs at startup cannot be more than the maximum, 2.',
    );
    expect(within(vcpus).getByRole('button', { name: 'Apply' }).getAttribute('aria-disabled')).toBe('true');
  });
});
