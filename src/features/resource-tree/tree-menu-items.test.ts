// @vitest-environment jsdom
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../app/i18n';
import { mirror, useMirror } from '../../store/mirror-store';
import type { XapiClass } from '../../xapi/model/types';
import { flattenTree } from './flatten-tree';
import { nodeIndex } from './node-index';
import { fixture } from './tree-fixture';
import { treeMenuItems } from './tree-menu-items';
import { buildPoolTree } from './tree-model';

const t = i18next.getFixedT('en', 'tree');
const roots = [buildPoolTree(fixture, { showTemplates: false, showSnapshots: false })];
const node = (name: string) => [...nodeIndex(roots).values()].find((n) => n.name === name)!;

beforeAll(initI18n);
afterEach(() => {
  for (const id of useMirror.getState().order) mirror.removePool(id);
});

function seedPool() {
  mirror.addPool(fixture.poolId, fixture.label);
  for (const cls of ['pool', 'host', 'VM'] as XapiClass[]) {
    mirror.loadClass(fixture.poolId, cls, fixture[cls as keyof typeof fixture] as Record<string, unknown>);
  }
  mirror.setStatus(fixture.poolId, 'live');
}

describe('treeMenuItems', () => {
  it('offers a disconnected pool a Reconnect that opens the connect form filled in', () => {
    mirror.addPool('pool.test', 'pool.test');
    mirror.markDisconnected('pool.test');
    const pool = { ...roots[0], poolId: 'pool.test', key: 'pool.test' };
    const items = treeMenuItems(t, [pool], vi.fn());
    expect(items.map((item) => item.label)).toEqual(['Reconnect…', 'Remove from the list']);
    items[0].onSelect();
    expect(window.location.pathname + window.location.search).toBe('/connect?address=pool.test');
  });

  it('acts on the VMs of a selection that also holds the hosts and pool around them', () => {
    seedPool();
    const launch = vi.fn();
    const selection = flattenTree(roots, {}, 'backup').map((row) => nodeIndex(roots).get(row.key)!);
    expect(selection.map((n) => n.name)).toEqual(['Demo pool', 'backup']);
    const items = treeMenuItems(t, selection, launch);
    const start = items.find((item) => item.id === 'start')!;
    expect(start.disabledReason).toBeUndefined();
    start.onSelect();
    expect(launch).toHaveBeenCalledWith(expect.objectContaining({ id: 'start' }), [
      { poolId: 'sim-demo', ref: 'OpaqueRef:backup' },
    ]);
  });

  it('offers the host actions for one host, and nothing for storage', () => {
    seedPool();
    expect(treeMenuItems(t, [node('host-2')], vi.fn()).map((item) => item.id)).toContain('enterMaintenance');
    expect(treeMenuItems(t, [node('NFS storage')], vi.fn())).toEqual([]);
  });

  it('adds the items other features offer for the VMs selected, after the VM actions', () => {
    seedPool();
    const extra = vi.fn(() => [{ id: 'editMemory', label: 'Edit memory…', onSelect: vi.fn() }]);
    const items = treeMenuItems(t, [node('backup')], vi.fn(), extra);
    expect(items.at(-1)?.id).toBe('editMemory');
    expect(extra).toHaveBeenCalledWith(t, [{ poolId: 'sim-demo', ref: 'OpaqueRef:backup' }]);
    expect(treeMenuItems(t, [node('host-2')], vi.fn(), extra).map((item) => item.id)).not.toContain('editMemory');
  });
});
