import { describe, expect, it } from 'vitest';
import type { RrdUpdates } from '../../xapi/rrd-updates';
import { columnsOf, graphSeries } from './graph-series';

const VM = { kind: 'vm', uuid: 'vm-1' } as const;
const HOST = { kind: 'host', uuid: 'host-1' } as const;

const column = (objectClass: string, uuid: string, name: string) => ({ cf: 'AVERAGE', objectClass, uuid, name });

const UPDATES: RrdUpdates = {
  step: 5,
  times: [100, 105, 110],
  columns: [
    column('host', 'host-1', 'cpu0'),
    column('vm', 'vm-1', 'cpu0'),
    column('vm', 'vm-1', 'cpu1'),
    column('vm', 'vm-1', 'memory_internal_free'),
  ],
  values: [
    Float64Array.from([0.9, 0.9, 0.9]),
    Float64Array.from([0.2, Number.NaN, Number.NaN]),
    Float64Array.from([0.4, 0.6, Number.NaN]),
    Float64Array.from([1024, 2048, 4096]),
  ],
};

describe('graph series', () => {
  it('takes the object’s own columns, not another object’s of the same name', () => {
    expect([...columnsOf(UPDATES, VM).keys()]).toEqual(['cpu0', 'cpu1', 'memory_internal_free']);
    const [cpu] = graphSeries(UPDATES, HOST, ['cpu0']);
    expect([...cpu.values]).toEqual([0.9, 0.9, 0.9]);
  });

  it('averages the vCPUs that have a value in each row', () => {
    const [average] = graphSeries(UPDATES, VM, ['avg_cpu']);
    expect(average.kind).toBe('fraction');
    expect(average.values[0]).toBeCloseTo(0.3);
    expect(average.values[1]).toBeCloseTo(0.6);
    expect(Number.isNaN(average.values[2])).toBe(true);
  });

  it('shows KiB as bytes', () => {
    const [free] = graphSeries(UPDATES, VM, ['memory_internal_free']);
    expect([...free.values]).toEqual([1024 * 1024, 2048 * 1024, 4096 * 1024]);
  });

  it('skips sources the reply does not have, keeping the graph’s order', () => {
    expect(graphSeries(UPDATES, VM, ['cpu1', 'vif_0_rx', 'cpu0']).map((s) => s.source)).toEqual(['cpu1', 'cpu0']);
  });
});
