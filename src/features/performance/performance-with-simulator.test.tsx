// @vitest-environment jsdom
/**
 * The Performance tab on a live pool: real /rrd_updates replies from the simulator,
 * layouts saved to pool.gui_config and coming back through the event stream.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { named } from '../../../mocks/sim/lookup';
import { connectToSimulator, renderWithQueryClient } from '../../../tests/connected-simulator';
import { PerformanceTab } from './performance-tab';

const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

function show(cls: 'VM' | 'host', name: string) {
  const ref = named(simulator.sim, cls, name);
  renderWithQueryClient(<PerformanceTab poolId={poolId} cls={cls} objectRef={ref} />);
  return ref;
}

/** A graph once drawn: each takes up its data in a frame of its own. */
const graph = (name: string) =>
  waitFor(
    () => {
      const figure = screen.getByRole('figure', { name });
      expect(figure.querySelector('figcaption')).not.toBeNull();
      return figure;
    },
    { timeout: 10_000 },
  );
const caption = (figure: HTMLElement) => figure.querySelector('figcaption')?.textContent ?? '';
const guiConfig = () =>
  simulator.sim.db.get<{ gui_config: Record<string, string> }>('pool', simulator.sim.db.refs('pool')[0]).gui_config;
/** Waits for a graph's caption to say something (a new range's reply takes a moment). */
const captionOf = (name: string, expected: RegExp) =>
  waitFor(() => expect(caption(screen.getByRole('figure', { name }))).toMatch(expected), { timeout: 10_000 });
const uuidOf = (cls: 'VM' | 'host', ref: string) => simulator.sim.db.get<{ uuid: string }>(cls, ref).uuid;

describe('the Performance tab', () => {
  it("shows a running VM's default graphs, ten minutes of 5-second points each", async () => {
    show('VM', 'web-01');
    for (const name of ['CPU', 'Memory', 'Network', 'Disk']) {
      const figure = await graph(name);
      expect(caption(figure)).toMatch(/^120 points, one every 5 seconds, from /);
    }
    const cpu = await graph('CPU');
    expect(within(cpu).getByText('Average CPU')).toBeDefined();
    expect(caption(cpu)).toMatch(/Latest: CPU 0 \d/);
    expect(within(await graph('Memory')).getByText('Free memory (guest)')).toBeDefined();
  });

  it('switches to a week of hourly points, to their maxima, and to a year of daily points', async () => {
    show('VM', 'db-primary');
    await graph('CPU');
    fireEvent.click(screen.getByRole('radio', { name: 'Last week' }));
    await captionOf('CPU', /^168 points, one every hour, /);
    const latestCpu0 = () => Number(/CPU 0 ([\d.]+)%/.exec(caption(screen.getByRole('figure', { name: 'CPU' })))?.[1]);
    const average = latestCpu0();
    fireEvent.change(screen.getByRole('combobox', { name: 'Values' }), { target: { value: 'MAX' } });
    // The busiest 5 seconds of the last hour were busier than the hour on average.
    await waitFor(() => expect(latestCpu0()).toBeGreaterThan(average), { timeout: 10_000 });
    await captionOf('CPU', /^168 points, one every hour, /);
    fireEvent.click(screen.getByRole('radio', { name: 'Last year' }));
    await captionOf('CPU', /^366 points, one every day, /);
  });

  it('offers only averages for the live range', async () => {
    show('VM', 'web-01');
    await graph('CPU');
    const values = screen.getByRole('combobox', { name: 'Values' }) as HTMLSelectElement;
    expect(values.disabled).toBe(true);
    expect(values.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('adds a graph of a chosen data source and keeps it in pool.gui_config, as XenCenter does', async () => {
    const ref = show('VM', 'web-01');
    await graph('Disk');
    fireEvent.click(screen.getByRole('button', { name: 'New graph' }));
    const dialog = await screen.findByRole('dialog', { name: 'New graph' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Balloon' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Memory target/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const added = await graph('Balloon');
    expect(caption(added)).toMatch(/^120 points/);
    const uuid = uuidOf('VM', ref);
    expect(guiConfig()[`XenCenter.GraphLayout.4.vm.${uuid}`]).toBe('memory_target');
    expect(guiConfig()[`XenCenter.GraphName.4.vm.${uuid}`]).toBe('Balloon');
    // The defaults were saved with it, unnamed, so XenCenter shows the same five graphs.
    expect(guiConfig()[`XenCenter.GraphLayout.0.vm.${uuid}`]).toMatch(/^cpu0(,cpu\d+)*,avg_cpu$/);
    expect(guiConfig()[`XenCenter.GraphName.0.vm.${uuid}`]).toBeUndefined();
  });

  it('starts recording a data source the RRD does not keep yet when a graph picks it', async () => {
    const ref = show('VM', 'web-01');
    await graph('CPU');
    fireEvent.click(screen.getByRole('button', { name: 'New graph' }));
    const dialog = await screen.findByRole('dialog', { name: 'New graph' });
    const checkbox = await within(dialog).findByRole('checkbox', { name: /runstate_blocked.*not recorded yet/ });
    fireEvent.click(checkbox);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await graph('Graph 5');
    expect(guiConfig()[`XenCenter.GraphLayout.4.vm.${uuidOf('VM', ref)}`]).toBe('runstate_blocked');
    await captionOf('Graph 5', /^120 points.*Latest: Fraction of time that all vCPUs are blocked or offline \d/);
  });

  it('reorders and deletes graphs with buttons, then restores the defaults', async () => {
    const ref = show('VM', 'web-01');
    await graph('Memory');
    expect(
      (screen.getByRole('button', { name: 'Move CPU up' }) as HTMLButtonElement).getAttribute('aria-disabled'),
    ).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Move Memory up' }));
    await waitFor(() => {
      const titles = screen.getAllByRole('figure').map((f) => f.getAttribute('aria-labelledby'));
      const names = titles.map((id) => document.getElementById(id ?? '')?.textContent);
      expect(names).toEqual(['Memory', 'CPU', 'Network', 'Disk']);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete Network' }));
    await waitFor(() => expect(screen.queryByRole('figure', { name: 'Network' })).toBeNull());
    expect(guiConfig()[`XenCenter.GraphLayout.2.vm.${uuidOf('VM', ref)}`]).toMatch(/^vbd_/);
    expect(guiConfig()[`XenCenter.GraphLayout.3.vm.${uuidOf('VM', ref)}`]).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Restore default graphs' }));
    await graph('Network');
    expect(Object.keys(guiConfig()).filter((key) => key.includes(uuidOf('VM', ref)))).toEqual([]);
  });

  it("shows a host's processors with their average and its total and free memory", async () => {
    show('host', 'xcp-host-01');
    const cpu = await graph('CPU');
    expect(within(cpu).getByText('Average CPU')).toBeDefined();
    expect(within(cpu).getByText('CPU 0')).toBeDefined();
    const memory = await graph('Memory');
    expect(within(memory).getByText('Total memory')).toBeDefined();
    expect(within(memory).getByText('Free memory')).toBeDefined();
    expect(caption(memory)).toMatch(/Total memory \d+(\.\d)? GiB/);
    expect(await graph('Network')).toBeDefined();
  });

  it('says a halted VM has no data rather than asking a host for it', async () => {
    show('VM', 'backup-proxy');
    expect(await screen.findByText(/This VM is not running/)).toBeDefined();
    expect(screen.queryByRole('figure')).toBeNull();
  });
});
