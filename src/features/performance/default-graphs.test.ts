import { describe, expect, it } from 'vitest';
import { defaultGraphs } from './default-graphs';

describe('default graphs', () => {
  it('gives a VM CPU with its average, memory, network and disk, from the sources it has', () => {
    const names = [
      'cpu10',
      'cpu2',
      'cpu0',
      'cpu_usage',
      'memory',
      'memory_internal_free',
      'memory_target',
      'vif_1_tx',
      'vif_0_rx',
      'vif_0_tx',
      'vif_0_rx_errors',
      'vbd_xvda_write',
      'vbd_xvda_read',
      'vbd_xvda_read_latency',
    ];
    expect(defaultGraphs('vm', names)).toEqual([
      { name: '', sources: ['cpu0', 'cpu2', 'cpu10', 'avg_cpu'] },
      { name: '', sources: ['memory', 'memory_target', 'memory_internal_free'] },
      { name: '', sources: ['vif_0_rx', 'vif_0_tx', 'vif_1_tx'] },
      { name: '', sources: ['vbd_xvda_read', 'vbd_xvda_write'] },
    ]);
  });

  it('gives a host CPU with cpu_avg, total and free memory, and its PIFs', () => {
    const names = [
      'cpu1',
      'cpu0',
      'cpu_avg',
      'loadavg',
      'memory_free_kib',
      'memory_total_kib',
      'pif_eth0_tx',
      'pif_eth0_rx',
    ];
    expect(defaultGraphs('host', names)).toEqual([
      { name: '', sources: ['cpu0', 'cpu1', 'cpu_avg'] },
      { name: '', sources: ['memory_total_kib', 'memory_free_kib'] },
      { name: '', sources: ['pif_eth0_rx', 'pif_eth0_tx'] },
    ]);
  });

  it('leaves out a graph with nothing to show', () => {
    expect(defaultGraphs('vm', ['memory'])).toEqual([{ name: '', sources: ['memory'] }]);
    expect(defaultGraphs('vm', [])).toEqual([]);
  });
});
