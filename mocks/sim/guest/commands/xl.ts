/** xl, Xen's own toolstack CLI in dom0: list, info and dmesg, in xl's formats. */
import type { XapiRecord } from '../../../../src/xapi/model/types';
import type { Simulator } from '../../simulator';
import { MiB } from '../../units';
import { guestLoad } from '../guest-load';
import { DOM0_KERNEL, xenLog } from '../host-boot-script';
import { hostMemoryTotalBytes, xenFreeBytes } from '../host-facts';

type Vm = XapiRecord<'VM'>;

/** The host's domains by domid: Domain-0, then its guests, named as xenopsd names them (name_label). */
function domains(sim: Simulator, host: string): Vm[] {
  return sim.db
    .get<XapiRecord<'host'>>('host', host)
    .resident_VMs.map((ref) => sim.db.get<Vm>('VM', ref))
    .filter((vm) => vm.power_state === 'Running' || vm.power_state === 'Paused')
    .sort((a, b) => a.domid - b.domid);
}

/** `xl list`: libxl's "%-40s %5d %5lu %5d     %c%c%c%c%c%c  %8.1f". */
export function xlList(sim: Simulator, host: string, names: string[]): string {
  const all = domains(sim, host);
  const wanted = names.length
    ? all.filter((vm) => names.includes(vm.name_label) || names.includes(String(vm.domid)))
    : all;
  const missing = names.find((name) => !all.some((vm) => vm.name_label === name || String(vm.domid) === name));
  if (missing) return `${missing} is an invalid domain identifier (rc=-6)`;
  const rows = wanted.map((vm) => {
    const ref = sim.db.refByUuid('VM', vm.uuid)!;
    const metrics = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', vm.metrics);
    const name = vm.is_control_domain ? 'Domain-0' : vm.name_label;
    const memMiB = Math.floor((metrics?.memory_actual ?? 0) / MiB);
    const vcpus = metrics?.VCPUs_number ?? 0;
    // dom0 is the one running `xl`; a guest is blocked, waiting on events, between time slices.
    const state = vm.power_state === 'Paused' ? '--p---' : vm.is_control_domain ? 'r-----' : '-b----';
    const cpuSeconds = guestLoad(sim, ref).cpuTimeMs / 1000;
    return `${name.padEnd(40)} ${String(vm.domid).padStart(5)} ${String(memMiB).padStart(5)} ${String(vcpus).padStart(5)}     ${state}  ${cpuSeconds.toFixed(1).padStart(8)}`;
  });
  return ['Name                                        ID   Mem VCPUs\tState\tTime(s)', ...rows].join('\n');
}

/** `xl info`: the host as Xen sees it. */
export function xlInfo(sim: Simulator, host: string): string {
  const record = sim.db.get<XapiRecord<'host'>>('host', host);
  const dom0 = sim.db.get<Vm>('VM', record.control_domain);
  const cpus = Number(record.cpu_info.cpu_count);
  const sockets = Number(record.cpu_info.socket_count) || 1;
  const threads = sim.hardware.get(host)?.threadsPerCore ?? 1;
  const xen = record.software_version.xen ?? '4.17.5';
  const [major, minor] = xen.split('.');
  const fields: [string, string | number][] = [
    ['host', record.hostname],
    ['release', DOM0_KERNEL],
    ['version', '#1 SMP'],
    ['machine', 'x86_64'],
    ['nr_cpus', cpus],
    ['max_cpu_id', cpus - 1],
    ['nr_nodes', sockets],
    ['cores_per_socket', cpus / sockets / threads],
    ['threads_per_core', threads],
    ['cpu_mhz', Number(record.cpu_info.speed ?? 2000).toFixed(3)],
    ['hw_caps', (record.cpu_info.features ?? '').replace(/-/g, ':')],
    ['virt_caps', 'pv hvm hvm_directio pv_directio hap shadow'],
    ['total_memory', Math.floor(hostMemoryTotalBytes(sim, host) / MiB)],
    ['free_memory', Math.floor(xenFreeBytes(sim, host) / MiB)],
    ['sharing_freed_memory', 0],
    ['sharing_used_memory', 0],
    ['outstanding_claims', 0],
    ['free_cpus', 0],
    ['xen_major', major],
    ['xen_minor', minor],
    ['xen_extra', xen.slice(`${major}.${minor}`.length)],
    ['xen_version', xen],
    ['xen_caps', record.capabilities.join(' ')],
    ['xen_scheduler', record.sched_policy || 'credit'],
    ['xen_pagesize', 4096],
    ['platform_params', 'virt_start=0xffff800000000000'],
    ['xen_changeset', ''],
    ['xen_commandline', `dom0_mem=${Math.round(dom0.memory_static_max / MiB)}M watchdog ucode=scan`],
    ['cc_compiler', 'gcc (GCC) 11.2.1'],
    ['cc_compile_by', 'mockbuild'],
    ['cc_compile_domain', 'xcp-ng.org'],
    ['cc_compile_date', '2025-11-21'],
    ['build_id', 'b1c4a7e2d9f03658e41b27c9a05d6e8f13b2c4d5'],
    ['xend_config_format', 4],
  ];
  return fields.map(([key, value]) => `${key.padEnd(23)}: ${value}`).join('\n');
}

const XL_USAGE =
  'Usage xl [-vfNtT] <subcommand> [args]\n\nxl full list of subcommands:\n\n list    List information about all/some domains\n info    Get information about Xen host\n dmesg   Read and/or clear dmesg buffer';

export function xlCommand(sim: Simulator, host: string, args: string[]): string {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'list':
    case 'li':
      return xlList(
        sim,
        host,
        rest.filter((a) => !a.startsWith('-')),
      );
    case 'info':
      return xlInfo(sim, host);
    case 'dmesg':
      return xenLog(sim, host, sim.db.get<XapiRecord<'host'>>('host', host).control_domain).join('\n');
    case undefined:
    case 'help':
      return XL_USAGE;
    default:
      return 'command not implemented';
  }
}
