/** A data source in words ("CPU 2", "VIF 0 receive"), else XAPI's description, else its name. */
import type { TFunction } from 'i18next';
import { CPU_SOURCE, PIF_SOURCE, VBD_SOURCE, VIF_SOURCE, VM_CPU_AVERAGE } from './data-source-kinds';

const NAMED: Record<string, string> = {
  [VM_CPU_AVERAGE]: 'source.cpuAverage',
  cpu_avg: 'source.cpuAverage',
  cpu_usage: 'source.cpuUsage',
  memory: 'source.memory',
  memory_target: 'source.memoryTarget',
  memory_internal_free: 'source.memoryInternalFree',
  memory_total_kib: 'source.memoryTotal',
  memory_free_kib: 'source.memoryFree',
  loadavg: 'source.loadavg',
};

export function sourceLabel(t: TFunction<'performance'>, name: string, description?: string): string {
  if (Object.hasOwn(NAMED, name)) return t(NAMED[name]);
  const cpu = CPU_SOURCE.exec(name);
  if (cpu) return t('source.cpu', { number: cpu[1] });
  const vif = VIF_SOURCE.exec(name);
  if (vif) return t(vif[2] === 'rx' ? 'source.vifRx' : 'source.vifTx', { device: vif[1] });
  const pif = PIF_SOURCE.exec(name);
  if (pif) return t(pif[2] === 'rx' ? 'source.pifRx' : 'source.pifTx', { device: pif[1] });
  const vbd = VBD_SOURCE.exec(name);
  if (vbd) return t(vbd[2] === 'read' ? 'source.vbdRead' : 'source.vbdWrite', { device: vbd[1] });
  return description || name;
}
