// @vitest-environment jsdom
/**
 * The task panel renders what the mirror holds: the store is seeded directly, as the
 * event loop would fill it, and changed the way an event.from batch changes it.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { mirror } from '../../store/mirror-store';
import { NULL_REF } from '../../xapi/refs';
import { TaskPanel } from './task-panel';

const POOL = 'sim-demo';
const VM = 'OpaqueRef:vm-web-01';
const TASK = 'OpaqueRef:task-1';

const vm = (currentOperations: Record<string, string>) => ({
  uuid: 'b55e5a36-115d-49d5-8058-658d9acb35b8',
  name_label: 'web-01',
  is_a_template: false,
  is_a_snapshot: false,
  current_operations: currentOperations,
});

const task = (fields: Record<string, unknown>) => ({
  uuid: 'f0a1',
  name_label: 'Async.VM.clean_shutdown',
  name_description: '',
  status: 'pending',
  progress: 0,
  created: '20260101T00:00:00Z',
  finished: '19700101T00:00:00Z',
  allowed_operations: [],
  current_operations: {},
  error_info: [],
  subtask_of: NULL_REF,
  other_config: {},
  ...fields,
});

/** As an event.from batch brings it: one update. */
function event(cls: string, ref: string, snapshot: Record<string, unknown>) {
  act(() => mirror.applyEvents(POOL, [{ id: '1', timestamp: '0', class: cls, operation: 'mod', ref, snapshot }]));
}

beforeAll(() => {
  initI18n();
  // jsdom lays nothing out: give the task lists a height, and each row one, so the virtualiser renders rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 300 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 30 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});

beforeEach(() => {
  mirror.addPool(POOL, 'Simulator (demo)');
  mirror.loadClass(POOL, 'VM', { [VM]: vm({ [TASK]: 'clean_shutdown' }) });
  mirror.loadClass(POOL, 'task', { [TASK]: task({ progress: 0.42, allowed_operations: ['cancel'] }) });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <TaskPanel />
    </QueryClientProvider>,
  );
});

afterEach(() => {
  cleanup();
  mirror.removePool(POOL);
});

describe('TaskPanel', () => {
  it('shows a running task in words, on its object, with its progress and a cancel button', () => {
    const row = screen.getByRole('listitem', { name: 'Shut down VM' });
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
    expect(within(row).getByRole('link', { name: 'web-01' }).getAttribute('href')).toBe(
      '/pools/sim-demo/VM/b55e5a36-115d-49d5-8058-658d9acb35b8/general',
    );
    expect(within(row).getByText('In progress')).toBeDefined();
    expect(within(row).getByRole('button', { name: 'Cancel' })).toBeDefined();
    expect(within(row).queryByRole('button', { name: /Dismiss/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Tasks/ }).textContent).toContain('1 running');
  });

  it('follows the progress as events change the task', () => {
    event('task', TASK, task({ progress: 0.8, allowed_operations: ['cancel'] }));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('80');
  });

  it('keeps naming the object after the operation ends, and says why a failed task failed', () => {
    event('vm', VM, vm({}));
    event(
      'task',
      TASK,
      task({
        status: 'failure',
        progress: 1,
        finished: '20260101T00:00:12Z',
        error_info: ['VM_BAD_POWER_STATE', VM, 'running', 'halted'],
      }),
    );
    const row = screen.getByRole('listitem', { name: 'Shut down VM' });
    expect(within(row).getByRole('link', { name: 'web-01' })).toBeDefined();
    expect(within(row).getByText('Failed')).toBeDefined();
    expect(within(row).getByText('This needs VM “web-01” to be running, but it is shut down.')).toBeDefined();
    expect(within(row).getByText('0:12')).toBeDefined();
    expect(within(row).getByRole('button', { name: 'Dismiss Shut down VM' })).toBeDefined();
    expect(within(row).queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('collapses and expands, keeping the running count in its header', () => {
    const toggle = screen.getByRole('button', { name: /Tasks/ });
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(toggle.textContent).toContain('1 running');
    act(() => toggle.click());
    expect(screen.getByRole('progressbar')).toBeDefined();
  });

  it('renders only the rows in view of hundreds of tasks, each saying where it sits in the list', () => {
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) {
      many[`OpaqueRef:bulk-${i}`] = task({
        name_label: i === 299 ? 'Async.VM.start' : 'Async.VM.clean_shutdown',
        created: `20260102T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
      });
    }
    act(() => mirror.loadClass(POOL, 'task', many));
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(50);
    // Newest first: the last one created heads the list of 300.
    expect(rows[0].getAttribute('aria-label')).toBe('Start VM');
    expect(rows[0].getAttribute('aria-setsize')).toBe('300');
    expect(rows[0].getAttribute('aria-posinset')).toBe('1');
    expect(screen.getByRole('button', { name: /Tasks/ }).textContent).toContain('300 running');
  });
});
