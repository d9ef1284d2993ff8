// @vitest-environment jsdom
/** The pool and host dashboards on the demo pool: each host's own /rrd_updates, and the mirror. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { named } from '../../../mocks/sim/lookup';
import { connectToSimulator, renderWithQueryClient } from '../../../tests/connected-simulator';
import { getConnection } from '../../store/connections';
import { useRecord } from '../../store/mirror-store';
import { DashboardTab } from './dashboard-tab';

const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

/** Stands in for the tasks feature's row: the alert's name. */
function AlertName({ poolId, messageRef }: { poolId: string; messageRef: string }) {
  return <li>{useRecord(poolId, 'message', messageRef)?.name}</li>;
}

function show(cls: 'pool' | 'host', ref: string) {
  renderWithQueryClient(<DashboardTab poolId={poolId} cls={cls} objectRef={ref} Alert={AlertName} />);
}

const db = () => simulator.sim.db;
const record = <T,>(cls: string, ref: string) => db().get<T>(cls, ref);
const section = (name: string) => screen.findByRole('region', { name }, { timeout: 10_000 });
const rowOf = (table: HTMLElement, host: string) =>
  within(table)
    .getAllByRole('row')
    .find((row) => within(row).queryByRole('link', { name: host }));

describe('the pool dashboard', () => {
  it("shows every host's CPU and memory use from its own performance data", async () => {
    show('pool', db().refs('pool')[0]);
    const hosts = await section('CPU and memory use');
    for (const name of ['xcp-host-01', 'xcp-host-02', 'xcp-host-03']) {
      await waitFor(
        () => expect(rowOf(hosts, name)?.textContent).toMatch(/^xcp-host-0\d\d+%\d+% \(.+ GiB of .+ GiB\)$/),
        {
          timeout: 10_000,
        },
      );
    }
  });

  it('ranks running VMs by CPU and by memory, without control domains', async () => {
    show('pool', db().refs('pool')[0]);
    const byMemory = await section('Top VMs by memory');
    await waitFor(() => expect(within(byMemory).getAllByRole('listitem')).toHaveLength(5), { timeout: 10_000 });
    const names = within(byMemory)
      .getAllByRole('link')
      .map((link) => link.textContent);
    const memoryOf = (name: string) =>
      record<{ memory_actual: number }>(
        'VM_metrics',
        record<{ metrics: string }>('VM', named(simulator.sim, 'VM', name)).metrics,
      ).memory_actual;
    // Largest first, as the hosts report what they have allocated.
    for (let i = 1; i < names.length; i++) {
      expect(memoryOf(names[i - 1] ?? '')).toBeGreaterThanOrEqual(memoryOf(names[i] ?? ''));
    }
    expect(names.some((name) => name?.startsWith('Control domain'))).toBe(false);
    const byCpu = await section('Top VMs by CPU');
    expect(within(byCpu).getAllByRole('listitem')).toHaveLength(5);
  });

  it('counts VMs by power state and shows storage use', async () => {
    show('pool', db().refs('pool')[0]);
    const vms = db()
      .refs('VM')
      .map((ref) =>
        record<{ is_a_template: boolean; is_a_snapshot: boolean; is_control_domain: boolean; power_state: string }>(
          'VM',
          ref,
        ),
      )
      .filter((vm) => !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain);
    const power = await section('VMs by power state');
    for (const state of ['Running', 'Halted', 'Suspended', 'Paused']) {
      const count = vms.filter((vm) => vm.power_state === state).length;
      expect(
        within(power).getByRole('listitem', { name: `${state}: ${count} VM${count === 1 ? '' : 's'}` }),
      ).toBeDefined();
    }
    const storage = await section('Storage use');
    expect(within(storage).getByRole('link', { name: 'NFS VM storage' })).toBeDefined();
    expect(within(storage).getByRole('link', { name: 'iSCSI SAN' }).closest('li')?.textContent).toMatch(
      /used of 2\.0 TiB/,
    );
  });

  it('lists the newest alerts', async () => {
    const vm = record<{ uuid: string }>('VM', named(simulator.sim, 'VM', 'web-01')).uuid;
    await getConnection(poolId).call('message.create', 'DASHBOARD_TEST', 3, 'VM', vm, 'something happened');
    show('pool', db().refs('pool')[0]);
    const alerts = await section('Recent alerts');
    await waitFor(() => expect(within(alerts).getByText('DASHBOARD_TEST')).toBeDefined(), { timeout: 10_000 });
  });
});

describe('the host dashboard', () => {
  it('covers only the host, its VMs and its alerts', async () => {
    const host = named(simulator.sim, 'host', 'xcp-host-02');
    const resident = record<{ resident_VMs: string[] }>('host', host).resident_VMs.filter(
      (ref) => !record<{ is_control_domain: boolean }>('VM', ref).is_control_domain,
    );
    const elsewhere = db()
      .refs('VM')
      .find((ref) => {
        const vm = record<{ resident_on: string; is_control_domain: boolean }>('VM', ref);
        return vm.resident_on !== host && vm.resident_on !== 'OpaqueRef:NULL' && !vm.is_control_domain;
      }) as string;
    const uuidOf = (ref: string) => record<{ uuid: string }>('VM', ref).uuid;
    await getConnection(poolId).call('message.create', 'ON_THIS_HOST', 3, 'VM', uuidOf(resident[0]), '');
    await getConnection(poolId).call('message.create', 'ON_ANOTHER_HOST', 3, 'VM', uuidOf(elsewhere), '');
    show('host', host);

    const hosts = await section('CPU and memory use');
    await waitFor(() => expect(rowOf(hosts, 'xcp-host-02')?.textContent).toMatch(/\d+%/), { timeout: 10_000 });
    expect(rowOf(hosts, 'xcp-host-01')).toBeUndefined();

    const byCpu = await section('Top VMs by CPU');
    const names = new Set(resident.map((ref) => record<{ name_label: string }>('VM', ref).name_label));
    await waitFor(() => expect(within(byCpu).getAllByRole('link').length).toBe(Math.min(5, resident.length)), {
      timeout: 10_000,
    });
    for (const link of within(byCpu).getAllByRole('link')) expect(names.has(link.textContent ?? '')).toBe(true);

    const alerts = await section('Recent alerts');
    await waitFor(() => expect(within(alerts).getByText('ON_THIS_HOST')).toBeDefined(), { timeout: 10_000 });
    expect(within(alerts).queryByText('ON_ANOTHER_HOST')).toBeNull();
  });
});
