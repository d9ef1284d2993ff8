// @vitest-environment jsdom
/** The host and pool Memory tabs on the demo pool: bars, figures and each host's VMs. */
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { named } from '../../../../mocks/sim/lookup';
import { connectToSimulator, renderWithQueryClient } from '../../../../tests/connected-simulator';
import type { XapiRecord } from '../../../xapi/model/types';
import { MemoryTab } from '../memory-tab';

const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

beforeEach(() => simulator.mirrorHolds('VM_metrics'));

function renderTab(cls: 'host' | 'pool', ref: string) {
  renderWithQueryClient(<MemoryTab poolId={poolId} cls={cls} objectRef={ref} />);
}

describe('the host Memory tab', () => {
  it('draws Xen, the control domain, each VM and free memory, with the figures beside', async () => {
    renderTab('host', named(simulator.sim, 'host', 'xcp-host-03'));
    const bar = await screen.findByRole('list', { name: 'Memory of xcp-host-03' });
    const pieces = within(bar).getAllByRole('listitem');
    expect(pieces[0].getAttribute('aria-label')).toMatch(/^Xen, /);
    expect(pieces[1].getAttribute('aria-label')).toMatch(/^Control domain, /);
    expect(pieces.at(-1)?.getAttribute('aria-label')).toMatch(/^Free, /);
    const monitoring = within(bar).getByRole('link', { name: /^monitoring, Memory now: / });
    expect(monitoring.textContent).toContain('Dynamic range: 2.0 GiB – 4.0 GiB');
    expect(monitoring.getAttribute('href')).toMatch(/\/VM\/.+\/memory$/);
    expect(screen.getByText('Total').nextElementSibling?.textContent).toBe('32.0 GiB');
    expect(screen.getByText('Overcommit').nextElementSibling?.textContent).toMatch(/^\d+%$/);
  });

  it('lists the VMs on the host with their ranges', async () => {
    renderTab('host', named(simulator.sim, 'host', 'xcp-host-03'));
    const table = await screen.findByRole('table');
    const monitoring = within(table).getByRole('row', { name: /monitoring/ });
    expect(within(monitoring).getByText('2.0 GiB – 4.0 GiB')).toBeDefined();
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    const host = named(simulator.sim, 'host', 'xcp-host-03');
    const onHost = simulator.sim.db
      .refs('VM')
      .map((ref) => simulator.sim.db.get<XapiRecord<'VM'>>('VM', ref))
      .filter((vm) => vm.resident_on === host && !vm.is_control_domain)
      .map((vm) => vm.name_label);
    expect(onHost.length).toBeGreaterThan(1);
    expect(names.sort()).toEqual(onHost.sort());
  });
});

describe('the pool Memory tab', () => {
  it('shows every host’s bar', async () => {
    const [pool] = simulator.sim.db.refs('pool');
    renderTab('pool', pool);
    for (const host of ['xcp-host-01', 'xcp-host-02', 'xcp-host-03']) {
      expect(await screen.findByRole('list', { name: `Memory of ${host}` })).toBeDefined();
    }
  });
});
