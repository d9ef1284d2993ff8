import { describe, expect, it } from 'vitest';
import { isLayoutKeyOf, layoutChanges, layoutEntries, readLayout } from './graph-layout';

const VM = { kind: 'vm', uuid: '1f0c5e2a-7d3b-4c9e-8a61-b2d4f6e8a0c1' } as const;
const HOST = { kind: 'host', uuid: '9e8d7c6b-5a49-4838-a726-15f4e3d2c1b0' } as const;

describe('reading XenCenter layout keys', () => {
  it('reads graphs in index order with their names', () => {
    const config = {
      [`XenCenter.GraphLayout.1.vm.${VM.uuid}`]: 'memory,memory_internal_free',
      [`XenCenter.GraphLayout.0.vm.${VM.uuid}`]: 'cpu0,cpu1',
      [`XenCenter.GraphName.1.vm.${VM.uuid}`]: 'Guest memory',
      [`XenCenter.GraphLayout.0.host.${HOST.uuid}`]: 'cpu_avg',
      'XenCenter.CustomFields.owner': 'string',
    };
    expect(readLayout(config, VM)).toEqual([
      { name: '', sources: ['cpu0', 'cpu1'] },
      { name: 'Guest memory', sources: ['memory', 'memory_internal_free'] },
    ]);
    expect(readLayout(config, HOST)).toEqual([{ name: '', sources: ['cpu_avg'] }]);
  });

  it('stops at the first missing index, as XenCenter does', () => {
    const config = {
      [`XenCenter.GraphLayout.0.vm.${VM.uuid}`]: 'cpu0',
      [`XenCenter.GraphLayout.2.vm.${VM.uuid}`]: 'memory',
    };
    expect(readLayout(config, VM)).toEqual([{ name: '', sources: ['cpu0'] }]);
  });

  it('has no layout when no key names the object', () => {
    expect(readLayout({ [`XenCenter.GraphLayout.0.host.${VM.uuid}`]: 'cpu0' }, VM)).toBeUndefined();
  });

  it('writes what it reads', () => {
    const graphs = [
      { name: 'Busy', sources: ['cpu0', 'avg_cpu'] },
      { name: '', sources: ['vif_0_rx'] },
    ];
    const entries = layoutEntries(graphs, VM);
    expect(entries).toEqual({
      [`XenCenter.GraphLayout.0.vm.${VM.uuid}`]: 'cpu0,avg_cpu',
      [`XenCenter.GraphName.0.vm.${VM.uuid}`]: 'Busy',
      [`XenCenter.GraphLayout.1.vm.${VM.uuid}`]: 'vif_0_rx',
    });
    expect(readLayout(entries, VM)).toEqual(graphs);
  });
});

describe('changes to the pool gui_config', () => {
  const saved = {
    [`XenCenter.GraphLayout.0.vm.${VM.uuid}`]: 'cpu0',
    [`XenCenter.GraphName.0.vm.${VM.uuid}`]: 'Processor',
    [`XenCenter.GraphLayout.1.vm.${VM.uuid}`]: 'memory',
    [`XenCenter.GraphLayout.0.host.${HOST.uuid}`]: 'cpu_avg',
    'XenCenter.DataSource.vm.x.cpu0': '-16776961',
  };

  it('removes changed and gone keys, adds new values, and leaves other keys alone', () => {
    const changes = layoutChanges(saved, VM, [{ name: '', sources: ['memory'] }]);
    expect(changes.remove.sort()).toEqual(
      [
        `XenCenter.GraphLayout.0.vm.${VM.uuid}`,
        `XenCenter.GraphLayout.1.vm.${VM.uuid}`,
        `XenCenter.GraphName.0.vm.${VM.uuid}`,
      ].sort(),
    );
    expect(changes.add).toEqual([[`XenCenter.GraphLayout.0.vm.${VM.uuid}`, 'memory']]);
  });

  it('asks for nothing when the layout is unchanged', () => {
    const current = readLayout(saved, VM) ?? [];
    expect(layoutChanges(saved, VM, current)).toEqual({ remove: [], add: [] });
  });

  it('removes every key of the object to restore the defaults', () => {
    expect(layoutChanges(saved, VM, []).remove).toHaveLength(3);
    expect(layoutChanges(saved, VM, []).add).toEqual([]);
  });

  it('matches only this object, whatever characters its UUID holds', () => {
    expect(isLayoutKeyOf(`XenCenter.GraphLayout.12.vm.${VM.uuid}`, VM)).toBe(true);
    expect(isLayoutKeyOf(`XenCenter.GraphLayout.0.host.${VM.uuid}`, VM)).toBe(false);
    expect(isLayoutKeyOf(`XenCenter.GraphLayout.0.vm.${VM.uuid}x`, VM)).toBe(false);
    expect(isLayoutKeyOf('XenCenter.GraphLayout.0.vm.a+b', { kind: 'vm', uuid: 'a+b' })).toBe(true);
    expect(isLayoutKeyOf('XenCenter.GraphLayout.0.vm.aab', { kind: 'vm', uuid: 'a+b' })).toBe(false);
  });
});
