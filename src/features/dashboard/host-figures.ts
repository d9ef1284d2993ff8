/**
 * What a dashboard needs from one host's /rrd_updates reply (host=true, every resident
 * VM): the host's CPU and memory use now, and each of its VMs' CPU and memory.
 */
import type { RrdUpdates } from '../../xapi/rrd-updates';

export interface HostFigures {
  uuid: string;
  /** cpu_avg: 0–1. */
  cpu: number;
  memoryTotalBytes: number;
  memoryUsedBytes: number;
}

export interface VmFigures {
  uuid: string;
  /** The mean of its vCPUs: 0–1. */
  cpu: number;
  /** `memory`: what the host has allocated to it. */
  memoryBytes: number;
}

/** The newest finite value of a column (the newest row can be empty while a sample is consolidated). */
function latest(values: Float64Array): number {
  for (let r = values.length - 1; r >= 0; r--) if (Number.isFinite(values[r])) return values[r];
  return Number.NaN;
}

export function hostFigures(updates: RrdUpdates, hostUuid: string): { host: HostFigures; vms: VmFigures[] } {
  const host = { uuid: hostUuid, cpu: Number.NaN, memoryTotalBytes: Number.NaN, memoryFreeBytes: Number.NaN };
  const vms = new Map<string, { cpus: number[]; memoryBytes: number }>();
  updates.columns.forEach((column, i) => {
    const value = latest(updates.values[i]);
    if (column.objectClass === 'host' && column.uuid === hostUuid) {
      if (column.name === 'cpu_avg') host.cpu = value;
      else if (column.name === 'memory_total_kib') host.memoryTotalBytes = value * 1024;
      else if (column.name === 'memory_free_kib') host.memoryFreeBytes = value * 1024;
      return;
    }
    if (column.objectClass !== 'vm') return;
    let vm = vms.get(column.uuid);
    if (!vm) {
      vm = { cpus: [], memoryBytes: Number.NaN };
      vms.set(column.uuid, vm);
    }
    if (/^cpu\d+$/.test(column.name)) {
      if (Number.isFinite(value)) vm.cpus.push(value);
    } else if (column.name === 'memory') vm.memoryBytes = value;
  });
  return {
    host: {
      uuid: hostUuid,
      cpu: host.cpu,
      memoryTotalBytes: host.memoryTotalBytes,
      memoryUsedBytes: host.memoryTotalBytes - host.memoryFreeBytes,
    },
    vms: [...vms].map(([uuid, { cpus, memoryBytes }]) => ({
      uuid,
      cpu: cpus.length > 0 ? cpus.reduce((a, b) => a + b, 0) / cpus.length : Number.NaN,
      memoryBytes,
    })),
  };
}

/** The `count` highest by `by`, highest first, leaving out those without a figure. */
export function topBy<T>(items: readonly T[], by: (item: T) => number, count: number): T[] {
  return items
    .filter((item) => Number.isFinite(by(item)))
    .sort((a, b) => by(b) - by(a))
    .slice(0, count);
}
