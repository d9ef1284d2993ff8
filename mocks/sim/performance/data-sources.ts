/**
 * The data sources rrdd's plugins report, with xcp-rrdd's names, units, descriptions and
 * bounds (ocaml/xcp-rrdd/bin/rrdp-{cpu,iostat,netdev,squeezed}, ocaml/xapi/xapi_stats.ml),
 * each with the way to read its value from a sample. `standard` ones are recorded from
 * the start; the others only once a client calls record_data_source.
 */
import { type HostSample, VBD_METRICS, type VmSample } from './workload';

export interface DataSourceSpec<S> {
  name: string;
  /** The plugin that reports it: rrdd builds a new RRD plugin by plugin, names in order within each. */
  plugin: string;
  description: string;
  units: string;
  min: number;
  max: number;
  standard: boolean;
  read(sample: S): number;
}

export type VmDataSource = DataSourceSpec<VmSample>;
export type HostDataSource = DataSourceSpec<HostSample>;

const INF = Number.POSITIVE_INFINITY;
const CPU = 'xcp-rrdd-cpu';
const IOSTAT = 'xcp-rrdd-iostat';
const NETDEV = 'xcp-rrdd-netdev';
const SQUEEZED = 'xcp-rrdd-squeezed';
const XAPI = 'xapi-stats';

/** rrdp-iostat's descriptions and units, per metric, for a device kind ("VDI" on VMs, "SR" on hosts). */
function diskMetric(
  metric: (typeof VBD_METRICS)[number],
  device: 'VDI' | 'SR',
): { description: string; units: string } {
  switch (metric) {
    case 'read':
      return { description: `Reads from device ${device}, in B/s`, units: 'B/s' };
    case 'write':
      return { description: `Writes from device ${device}, in B/s`, units: 'B/s' };
    case 'read_latency':
      return { description: `Read latency from device ${device}, in microseconds`, units: 'μs' };
    case 'write_latency':
      return { description: `Write latency from device ${device}, in microseconds`, units: 'μs' };
    case 'io_throughput_read':
      return { description: `Data read from the ${device}, in MiB/s`, units: 'MiB/s' };
    case 'io_throughput_write':
      return { description: `Data written to the ${device}, in MiB/s`, units: 'MiB/s' };
    case 'io_throughput_total':
      return { description: `All ${device} I/O, in MiB/s`, units: 'MiB/s' };
    case 'iops_read':
      return { description: 'Read requests per second', units: 'requests/s' };
    case 'iops_write':
      return { description: 'Write requests per second', units: 'requests/s' };
    case 'iops_total':
      return { description: 'I/O Requests per second', units: 'requests/s' };
    case 'iowait':
      return { description: 'Total I/O wait time (all requests) per second', units: 's/s' };
    case 'inflight':
      return { description: 'Number of I/O requests currently in flight', units: 'requests' };
    case 'latency':
      return { description: 'Average I/O latency', units: 'μs' };
    case 'avgqu_sz':
      return { description: 'Average I/O queue size', units: 'requests' };
  }
}

function spec<S>(
  plugin: string,
  name: string,
  description: string,
  units: string,
  read: (s: S) => number,
  options: { min?: number; max?: number; standard?: boolean } = {},
): DataSourceSpec<S> {
  return {
    name,
    plugin,
    description,
    units,
    min: options.min ?? -INF,
    max: options.max ?? INF,
    standard: options.standard ?? true,
    read,
  };
}

/** VM data sources are the same objects for every VM, so they are made once per name. */
const vmSpecs = new Map<string, VmDataSource>();
function vmSpec(name: string, make: () => VmDataSource): VmDataSource {
  let found = vmSpecs.get(name);
  if (!found) {
    found = make();
    vmSpecs.set(name, found);
  }
  return found;
}

const RUNSTATES: [string, string][] = [
  ['runstate_fullrun', 'Fraction of time that all vCPUs are running'],
  ['runstate_full_contention', 'Fraction of time that all vCPUs are runnable (i.e., waiting for CPU)'],
  ['runstate_concurrency_hazard', 'Fraction of time that some vCPUs are running and some are runnable'],
  ['runstate_blocked', 'Fraction of time that all vCPUs are blocked or offline'],
  ['runstate_partial_run', 'Fraction of time that some vCPUs are running and some are blocked'],
  ['runstate_partial_contention', 'Fraction of time that some vCPUs are runnable and some are blocked'],
  ['runnable_any', 'Fraction of time that at least one vCPU is runnable in the domain'],
];

export interface VmDevices {
  vcpusMax: number;
  vifs: readonly { device: string }[];
  vbds: readonly { device: string }[];
  /** The guest agent reports free memory; dom0 reports its own from /proc/meminfo. */
  reportsMemory: boolean;
  controlDomain: boolean;
}

/** Everything rrdd's plugins report for a VM with these devices, recorded or not. */
export function vmDataSources(d: VmDevices): VmDataSource[] {
  const out: VmDataSource[] = [];
  const fraction = { min: 0, max: 1 };
  for (let i = 0; i < d.vcpusMax; i++) {
    out.push(vmSpec(`cpu${i}`, () => spec(CPU, `cpu${i}`, `CPU${i} usage`, '(fraction)', (s) => s.vcpu(i), fraction)));
  }
  out.push(
    vmSpec('cpu_usage', () => spec(CPU, 'cpu_usage', 'Domain CPU usage', '(fraction)', (s) => s.cpuUsage, fraction)),
  );
  RUNSTATES.forEach(([name, description], i) => {
    out.push(
      vmSpec(name, () => spec(CPU, name, description, '(fraction)', (s) => s.run(i), { ...fraction, standard: false })),
    );
  });
  for (const { device } of d.vbds) {
    VBD_METRICS.forEach((metric, m) => {
      const name = `vbd_${device}_${metric}`;
      const { description, units } = diskMetric(metric, 'VDI');
      out.push(vmSpec(name, () => spec(IOSTAT, name, description, units, (s) => s.disk(device, m), { min: 0 })));
    });
  }
  for (const { device } of d.vifs) {
    const number = `number '${device}'`;
    const vif = (
      suffix: string,
      description: string,
      units: string,
      read: (s: VmSample) => number,
      standard = true,
    ) => {
      const name = `vif_${device}_${suffix}`;
      out.push(vmSpec(name, () => spec(NETDEV, name, description, units, read, { min: 0, standard })));
    };
    vif('tx', `Bytes per second transmitted on virtual interface ${number}`, 'B/s', (s) => s.vif(device, true));
    vif('rx', `Bytes per second received on virtual interface ${number}`, 'B/s', (s) => s.vif(device, false));
    const noErrors = (s: VmSample) => (s.vif(device, true) >= 0 ? 0 : Number.NaN);
    vif('rx_errors', `Receive errors per second on virtual interface ${number}`, 'err/s', noErrors, false);
    vif('tx_errors', `Transmit errors per second on virtual interface ${number}`, 'err/s', noErrors, false);
  }
  out.push(
    vmSpec('memory', () =>
      spec(SQUEEZED, 'memory', 'Memory currently allocated to VM', 'B', (s) => s.memory, { min: 0 }),
    ),
  );
  out.push(
    vmSpec('memory_target', () =>
      spec(SQUEEZED, 'memory_target', 'Target of VM balloon driver', 'B', (s) => s.memoryTarget, { min: 0 }),
    ),
  );
  if (d.reportsMemory) {
    const description = d.controlDomain ? 'Dom0 current free memory' : 'Memory used as reported by the guest agent';
    out.push(
      vmSpec(`memory_internal_free ${description}`, () =>
        spec(SQUEEZED, 'memory_internal_free', description, 'KiB', (s) => s.memoryFreeKiB, { min: 0 }),
      ),
    );
  }
  return out;
}

export interface HostDevices {
  cpuCount: number;
  pifs: readonly string[];
  /** UUIDs of the SRs the host does I/O on, in HostModel.srIndex order. */
  srUuids: readonly string[];
}

/** Everything rrdd and xapi report for a host, recorded or not. */
export function hostDataSources(d: HostDevices): HostDataSource[] {
  const out: HostDataSource[] = [];
  const on = (read: (s: HostSample) => number) => (s: HostSample) => (s.live ? read(s) : Number.NaN);
  const add = (
    plugin: string,
    name: string,
    description: string,
    units: string,
    read: (s: HostSample) => number,
    options?: { min?: number; max?: number; standard?: boolean },
  ) => out.push(spec(plugin, name, description, units, on(read), options));

  add(XAPI, 'xapi_memory_usage_kib', 'Total memory allocated used by xapi daemon', 'KiB', (s) => s.xapi[0], { min: 0 });
  add(XAPI, 'xapi_free_memory_kib', 'Free memory available to the xapi daemon', 'KiB', (s) => s.xapi[1], { min: 0 });
  add(XAPI, 'xapi_live_memory_kib', 'Live memory used by xapi daemon', 'KiB', (s) => s.xapi[2], { min: 0 });
  add(XAPI, 'xapi_allocation_kib', 'Memory allocation done by the xapi daemon', 'KiB', (s) => s.xapi[3], { min: 0 });
  add(XAPI, 'xapi_open_fds', 'Number of open file descriptors held by xapi', 'file descriptors', (s) => s.xapi[4], {
    min: 0,
  });

  const fraction = { min: 0, max: 1 };
  for (let i = 0; i < d.cpuCount; i++) {
    add(CPU, `cpu${i}`, `Physical cpu usage for cpu ${i}`, '(fraction)', (s) => s.pcpu[i], fraction);
  }
  add(CPU, 'cpu_avg', 'Average physical cpu usage', '(fraction)', (s) => s.cpuAvg, fraction);
  add(CPU, 'loadavg', 'Domain0 loadavg', '(fraction)', (s) => s.loadavg);
  add(
    CPU,
    'hostload',
    'Host load per physical cpu, where load refers to the number of vCPU(s) in running or runnable status.',
    '(fraction)',
    (s) => s.hostload,
    { min: 0 },
  );
  add(CPU, 'running_vcpus', 'The total number of running vCPUs per host', 'count', (s) => s.runningVcpus, { min: 0 });
  add(CPU, 'running_domains', 'The total number of running domains per host', 'count', (s) => s.runningDomains, {
    min: 0,
  });

  d.srUuids.forEach((uuid, index) => {
    VBD_METRICS.forEach((metric, m) => {
      const { description, units } = diskMetric(metric, 'SR');
      add(IOSTAT, `${metric}_${uuid.slice(0, 8)}`, description, units, (s) => s.sr[index][m], { min: 0 });
    });
  });
  add(IOSTAT, 'Tapdisks_in_low_memory_mode', 'Number of tapdisks in low memory mode', 'count', () => 0, { min: 0 });

  d.pifs.forEach((device, i) => {
    const nic = `physical interface ${device}`;
    add(NETDEV, `pif_${device}_rx`, `Bytes per second received on ${nic}`, 'B/s', (s) => s.pifRx[i], { min: 0 });
    add(NETDEV, `pif_${device}_tx`, `Bytes per second sent on ${nic}`, 'B/s', (s) => s.pifTx[i], { min: 0 });
    add(NETDEV, `pif_${device}_rx_errors`, `Receive errors per second on ${nic}`, 'err/s', () => 0, {
      min: 0,
      standard: false,
    });
    add(NETDEV, `pif_${device}_tx_errors`, `Transmit errors per second on ${nic}`, 'err/s', () => 0, {
      min: 0,
      standard: false,
    });
  });
  const sum = (values: Float64Array) => {
    let total = 0;
    for (let i = 0; i < d.pifs.length; i++) total += values[i];
    return total;
  };
  add(NETDEV, 'pif_aggr_rx', 'Bytes per second received on all physical interfaces', 'B/s', (s) => sum(s.pifRx), {
    min: 0,
  });
  add(NETDEV, 'pif_aggr_tx', 'Bytes per second sent on all physical interfaces', 'B/s', (s) => sum(s.pifTx), {
    min: 0,
  });

  add(SQUEEZED, 'memory_reclaimed', 'Host memory reclaimed by squeezed', 'B', (s) => s.reclaimed);
  add(SQUEEZED, 'memory_reclaimed_max', 'Host memory that could be reclaimed by squeezed', 'B', (s) => s.reclaimedMax);
  add(SQUEEZED, 'memory_total_kib', 'Total amount of memory in the host', 'KiB', (s) => s.memoryTotalKiB, { min: 0 });
  add(SQUEEZED, 'memory_free_kib', 'Total amount of free memory', 'KiB', (s) => s.memoryFreeKiB, { min: 0 });
  return out;
}
