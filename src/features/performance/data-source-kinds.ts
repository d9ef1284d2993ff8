/**
 * What a data source measures, read from its name (xcp-rrdd's naming) or, for the
 * rest, from the units get_data_sources gives: how to scale, group and show it.
 */

/** `kib` values are shown as bytes, so memory in KiB (host, guest agent) and in bytes share an axis. */
export type ValueKind = 'fraction' | 'bytes' | 'kib' | 'bytesPerSecond' | 'number';

export type SourceGroup = 'cpu' | 'memory' | 'network' | 'disk' | 'other';

/** The average over every vCPU, which XAPI does not record for a VM: the console works it out. */
export const VM_CPU_AVERAGE = 'avg_cpu';

export const CPU_SOURCE = /^cpu(\d+)$/;
// Device names (0, eth0, xvda) hold no underscore, so vif_0_rx_errors and
// vbd_xvda_io_throughput_read are not taken for vif_0_rx and vbd_xvda_read.
export const VIF_SOURCE = /^vif_([^_]+)_(rx|tx)$/;
export const PIF_SOURCE = /^pif_([^_]+)_(rx|tx)$/;
export const VBD_SOURCE = /^vbd_([^_]+)_(read|write)$/;

export function groupOf(name: string): SourceGroup {
  if (CPU_SOURCE.test(name) || name === 'cpu_avg' || name === VM_CPU_AVERAGE || name === 'cpu_usage') return 'cpu';
  if (name.startsWith('memory')) return 'memory';
  if (name.startsWith('vif_') || name.startsWith('pif_')) return 'network';
  if (name.startsWith('vbd_')) return 'disk';
  return 'other';
}

export function kindOf(name: string, units?: string): ValueKind {
  if (name === 'loadavg') return 'number';
  if (groupOf(name) === 'cpu') return 'fraction';
  if (name.endsWith('_kib') || name === 'memory_internal_free') return 'kib';
  if (name === 'memory' || name === 'memory_target') return 'bytes';
  if (VIF_SOURCE.test(name) || PIF_SOURCE.test(name) || VBD_SOURCE.test(name)) return 'bytesPerSecond';
  switch (units) {
    case '(fraction)':
      return 'fraction';
    case 'B':
      return 'bytes';
    case 'KiB':
      return 'kib';
    case 'B/s':
      return 'bytesPerSecond';
    default:
      return 'number';
  }
}

/** The value in the unit it is shown in. */
export const displayValue = (kind: ValueKind, raw: number) => (kind === 'kib' ? raw * 1024 : raw);

/** Sources in the order a person reads them: cpu2 before cpu10. */
export const byNaturalName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
