// @vitest-environment jsdom
/**
 * The object page as a person uses it, against the simulator the way the app reaches
 * it (connectPool, relative URLs under /sim/demo): names edited in place, Enter saving
 * through XAPI and the page showing what the event stream brings back, Escape leaving
 * the pool untouched.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { named } from '../../../mocks/sim/lookup';
import { connectToSimulator, renderWithQueryClient } from '../../../tests/connected-simulator';
import type { Tab } from '../../app/routes';
import { getConnection } from '../../store/connections';
import type { Ref, XapiRecord } from '../../xapi/model/types';
import { ObjectPage } from './object-page';

const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

const vmRecord = (name: string) => simulator.sim.db.get<XapiRecord<'VM'>>('VM', named(simulator.sim, 'VM', name));

function renderVmPage(name: string, tab: Tab = 'general') {
  const uuid = vmRecord(name).uuid;
  return renderWithQueryClient(<ObjectPage route={{ name: 'object', poolId, cls: 'VM', uuid, tab }} />);
}

describe('ObjectPage', () => {
  it('says it is loading, then shows the VM with its disks and networks', async () => {
    renderVmPage('web-01');
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
    expect(await screen.findByRole('button', { name: 'Name: web-01 (click to edit)' })).toBeDefined();
    expect(screen.getByText('Running')).toBeDefined();
    expect(screen.getByText('2 at startup, 4 maximum')).toBeDefined();
    expect(screen.getByText('1.0 GiB – 4.0 GiB')).toBeDefined();
    expect(await screen.findByText('20.0 GiB')).toBeDefined();
    expect(await screen.findByText('192.0.2.100')).toBeDefined();
  });

  it("shows a snapshot's VM, linked to its page", async () => {
    const uuid = vmRecord('db-primary before upgrade').uuid;
    renderWithQueryClient(<ObjectPage route={{ name: 'object', poolId, cls: 'snapshot', uuid, tab: 'general' }} />);
    const origin = await screen.findByRole('link', { name: 'db-primary' });
    expect(origin.getAttribute('href')).toBe(`/pools/sim-demo/VM/${vmRecord('db-primary').uuid}/general`);
    expect(screen.getByText('Snapshot')).toBeDefined();
  });

  it('says so when no object has the UUID', async () => {
    renderWithQueryClient(
      <ObjectPage route={{ name: 'object', poolId, cls: 'VM', uuid: 'not-a-vm', tab: 'general' }} />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('No VM with UUID not-a-vm exists');
  });

  it('renames in place: Enter saves through XAPI and the page shows the name the pool sends back', async () => {
    renderVmPage('web-01');
    fireEvent.click(await screen.findByRole('button', { name: 'Name: web-01 (click to edit)' }));
    const input = screen.getByRole('textbox', { name: 'Name' });
    fireEvent.change(input, { target: { value: 'web-frontend-01' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(await screen.findByRole('button', { name: 'Name: web-frontend-01 (click to edit)' })).toBeDefined();
    expect(vmRecord('web-frontend-01').name_label).toBe('web-frontend-01');
  });

  it('cancels with Escape: the field closes and the pool keeps its description', async () => {
    renderVmPage('db-primary');
    fireEvent.click(await screen.findByRole('button', { name: /^Description: PostgreSQL 16 primary/ }));
    const input = screen.getByRole('textbox', { name: 'Description' });
    fireEvent.change(input, { target: { value: 'something else' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.blur(input);

    expect(screen.queryByRole('textbox', { name: 'Description' })).toBeNull();
    expect(screen.getByRole('button', { name: /^Description: PostgreSQL 16 primary/ })).toBeDefined();
    // Long enough for a call and its event to have come back, had one been made.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(vmRecord('db-primary').name_description).toBe('PostgreSQL 16 primary');
  });

  it('adds and removes tags one call each', async () => {
    renderVmPage('mail');
    fireEvent.click(await screen.findByRole('button', { name: 'Add tag' }));
    const input = screen.getByRole('textbox', { name: 'New tag' });
    fireEvent.change(input, { target: { value: 'smtp' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove tag production' }));

    await waitFor(() => expect(vmRecord('mail').tags).toEqual(['smtp']));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove tag production' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Remove tag smtp' })).toBeDefined();
  });

  it('offers the actions the VM allows, says why the others are not, and shows the result', async () => {
    renderVmPage('backup-proxy');
    const toolbar = await screen.findByRole('toolbar', { name: 'Actions' });
    const shutDown = within(toolbar).getByRole('button', { name: 'Shut down' });
    expect(shutDown.getAttribute('aria-disabled')).toBe('true');
    expect(shutDown.getAttribute('title')).toBeTruthy();

    fireEvent.click(within(toolbar).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByText('Running')).toBeDefined(), { timeout: 5000 });
    expect(vmRecord('backup-proxy').power_state).toBe('Running');
    await waitFor(() =>
      expect(within(toolbar).getByRole('button', { name: 'Start' }).getAttribute('aria-disabled')).toBe('true'),
    );
  });

  it("counts the pool's running VMs and follows a VM that stops", async () => {
    const db = simulator.sim.db;
    const poolRecord = db.get<XapiRecord<'pool'>>('pool', db.refs('pool')[0]);
    renderWithQueryClient(
      <ObjectPage route={{ name: 'object', poolId, cls: 'pool', uuid: poolRecord.uuid, tab: 'general' }} />,
    );
    const guests = db
      .refs('VM')
      .map((ref) => db.get<XapiRecord<'VM'>>('VM', ref))
      .filter((vm) => !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain);
    const running = guests.filter((vm) => vm.power_state === 'Running').length;
    expect(await screen.findByText(`${running} running of ${guests.length}`)).toBeDefined();
    await getConnection(poolId).call('VM.hard_shutdown', named(simulator.sim, 'VM', 'web-01') as Ref<'VM'>);
    expect(
      await screen.findByText(`${running - 1} running of ${guests.length}`, {}, { timeout: 10_000 }),
    ).toBeDefined();
  });
});
