import { describe, expect, it } from 'vitest';
import type { RrdUpdates } from '../../xapi/rrd-updates';
import { hostFigures, topBy } from './host-figures';

const column = (objectClass: string, uuid: string, name: string) => ({ cf: 'AVERAGE', objectClass, uuid, name });
const values = (...v: number[]) => Float64Array.from(v);

const REPLY: RrdUpdates = {
  step: 5,
  times: [100, 105],
  columns: [
    column('host', 'h1', 'cpu_avg'),
    column('host', 'h1', 'memory_total_kib'),
    column('host', 'h1', 'memory_free_kib'),
    column('vm', 'dom0', 'cpu0'),
    column('vm', 'v1', 'cpu0'),
    column('vm', 'v1', 'cpu1'),
    column('vm', 'v1', 'memory'),
    column('vm', 'v2', 'cpu0'),
    column('vm', 'v2', 'memory'),
  ],
  values: [
    values(0.1, 0.25),
    values(8_388_608, 8_388_608),
    values(4_194_304, Number.NaN),
    values(0.01, 0.02),
    values(0.2, 0.5),
    values(0.4, 0.3),
    values(2 ** 30, 2 ** 30),
    values(Number.NaN, Number.NaN),
    values(2 ** 31, 2 ** 31),
  ],
};

describe('host figures', () => {
  it("reads the host's CPU and memory use from its newest values", () => {
    const { host } = hostFigures(REPLY, 'h1');
    expect(host.cpu).toBe(0.25);
    expect(host.memoryTotalBytes).toBe(8 * 2 ** 30);
    // The newest free memory is missing: the one before it counts.
    expect(host.memoryUsedBytes).toBe(4 * 2 ** 30);
  });

  it('averages each VM’s vCPUs and keeps its memory', () => {
    const { vms } = hostFigures(REPLY, 'h1');
    expect(vms.find((vm) => vm.uuid === 'v1')).toEqual({ uuid: 'v1', cpu: 0.4, memoryBytes: 2 ** 30 });
    expect(Number.isNaN(vms.find((vm) => vm.uuid === 'v2')?.cpu)).toBe(true);
  });

  it('ranks by a figure, leaving out those without one', () => {
    const { vms } = hostFigures(REPLY, 'h1');
    expect(topBy(vms, (vm) => vm.cpu, 2).map((vm) => vm.uuid)).toEqual(['v1', 'dom0']);
    expect(topBy(vms, (vm) => vm.memoryBytes, 5).map((vm) => vm.uuid)).toEqual(['v2', 'v1']);
  });
});
