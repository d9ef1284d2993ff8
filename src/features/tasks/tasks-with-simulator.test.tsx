// @vitest-environment jsdom
/**
 * The task panel and the notifications view on a live pool: real Async calls to the
 * simulator, their tasks and alerts arriving through the event stream, and dismissing
 * them through XAPI.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { named } from '../../../mocks/sim/lookup';
import { connectToSimulator, renderWithQueryClient } from '../../../tests/connected-simulator';
import { getConnection } from '../../store/connections';
import type { Ref } from '../../xapi/model/types';
import { NotificationsView } from './notifications-view';
import { TaskPanel } from './task-panel';

const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

beforeAll(() => {
  // jsdom lays nothing out: give the task lists a height, and each row one, so the virtualiser renders rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 300 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 30 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});

beforeEach(() => {
  renderWithQueryClient(
    <>
      <TaskPanel />
      <NotificationsView />
    </>,
  );
});

const vm = (name: string) => named(simulator.sim, 'VM', name) as Ref<'VM'>;

describe('tasks and alerts from the simulator', () => {
  it('follows a shutdown to the end, then dismisses its task and its alert', async () => {
    const task = await getConnection(poolId).callAsync('VM.clean_shutdown', vm('web-01'));
    const row = await screen.findByRole('listitem', { name: 'Shut down VM' });
    expect(within(row).getByRole('link', { name: 'web-01' })).toBeDefined();
    await waitFor(() => expect(within(row).getByText('Done')).toBeDefined(), { timeout: 5000 });
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');

    fireEvent.click(within(row).getByRole('button', { name: 'Dismiss Shut down VM' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Shut down VM' })).toBeNull());
    expect(simulator.sim.db.has('task', task)).toBe(false);

    const alert = await screen.findByRole('listitem', { name: 'VM shut down' });
    expect(within(alert).getByRole('link', { name: 'web-01' })).toBeDefined();
    expect(within(alert).getByText('Information')).toBeDefined();
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss VM shut down' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'VM shut down' })).toBeNull());
    expect(simulator.sim.db.refs('message')).toEqual([]);
  });

  it('says in words why a start failed', async () => {
    await getConnection(poolId).callAsync('VM.start', vm('analytics-bigmem'), false, false);
    const row = await screen.findByRole('listitem', { name: 'Start VM' });
    await waitFor(() => expect(within(row).getByText('Failed')).toBeDefined(), { timeout: 5000 });
    expect(row.textContent).toMatch(/not enough free memory|No host in the pool can run this VM/);
    expect(row.textContent).not.toContain('The pool refused');
  });

  it('cancels a start while the domain is being built: the task says so and the VM stays halted', async () => {
    // Virtual time moves only when the test says, so the task waits at the step that can be cancelled.
    simulator.stopClock();
    const step = () => simulator.sim.clock.advance(60);
    await getConnection(poolId).callAsync('VM.start', vm('backup-proxy'), false, false);
    const row = await screen.findByRole('listitem', { name: 'Start VM' });
    await waitFor(() => {
      step();
      expect(within(row).getByRole('button', { name: 'Cancel' })).toBeDefined();
    });

    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      step();
      expect(within(row).getByText('Cancelled')).toBeDefined();
    });
    expect(within(row).queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(simulator.sim.db.get<{ power_state: string }>('VM', vm('backup-proxy')).power_state).toBe('Halted');
  });
});
