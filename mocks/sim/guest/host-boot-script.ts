/**
 * What a host's console shows while it boots: Xen's own messages, then dom0's kernel
 * (whose lines form dom0's kernel log) describing the machine's CPUs, memory, NICs with
 * their MACs and its local disk, then init starting the toolstack.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { guestOf } from '../domains';
import type { Simulator } from '../simulator';
import { GiB, KiB, MiB } from '../units';
import { type BootScript, ok, spread } from './boot-script';
import { hostDiskBytes, hostMemoryTotalBytes, hostNics } from './host-facts';

/** The kernel XCP-ng 8.3's dom0 runs. */
export const DOM0_KERNEL = '4.19.0+1';

function xenLines(sim: Simulator, host: string, dom0: string): string[] {
  const record = sim.db.get<XapiRecord<'host'>>('host', host);
  const dom0Record = sim.db.get<XapiRecord<'VM'>>('VM', dom0);
  const dom0MiB = Math.round(dom0Record.memory_static_max / MiB);
  const totalBytes = hostMemoryTotalBytes(sim, host);
  return [
    `(XEN) Xen version ${record.software_version.xen} (mockbuild@xcp-ng.org) (gcc (GCC) 11.2.1) debug=n`,
    `(XEN) Command line: dom0_mem=${dom0MiB}M,max:${dom0MiB}M watchdog ucode=scan dom0_max_vcpus=1-${dom0Record.VCPUs_max} crashkernel=256M,below=4G console=vga vga=mode-0x0311`,
    `(XEN) System RAM: ${Math.round(totalBytes / MiB)}MB (${Math.round(totalBytes / KiB)}kB)`,
    `(XEN) Brought up ${record.cpu_info.cpu_count} CPUs`,
    '(XEN) *** LOADING DOMAIN 0 ***',
  ];
}

function dom0KernelLines(sim: Simulator, host: string, dom0: string): string[] {
  const record = sim.db.get<XapiRecord<'host'>>('host', host);
  const vcpus = sim.db.get<XapiRecord<'VM'>>('VM', dom0).VCPUs_at_startup;
  const diskBytes = hostDiskBytes(sim, host);
  const sectors = Math.floor(diskBytes / 512);
  return [
    `Linux version ${DOM0_KERNEL} (mockbuild@xcp-ng.org) (gcc version 11.2.1) #1 SMP`,
    'Command line: root=LABEL=root ro nolvm hpet=disable console=hvc0 console=tty0 quiet vga=785',
    `Xen version: ${record.software_version.xen} (preserve-AD)`,
    `smpboot: CPU0: ${record.cpu_info.modelname}`,
    `smp: Brought up 1 node, ${vcpus} CPUs`,
    ...hostNics(sim, host).flatMap((nic) => [
      `i40e ${nic.pciPath}: MAC address: ${nic.mac}`,
      `i40e ${nic.pciPath} ${nic.device}: NIC Link is Up, 10 Gbps Full Duplex, Flow Control: None`,
    ]),
    `sd 0:0:0:0: [sda] ${sectors} 512-byte logical blocks: (${(diskBytes / 1e9).toFixed(0)} GB/${Math.round(diskBytes / GiB)} GiB)`,
    ' sda: sda1 sda2 sda3 sda4 sda5 sda6',
    'EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)',
    `systemd[1]: Set hostname to <${record.hostname}>.`,
  ];
}

const INIT = [
  '',
  ok('Started Open vSwitch.'),
  ok('Started XenStore daemon.'),
  ok('Started Xen API server (XAPI).'),
  ok('Started Xenopsd (Xen version).'),
  ok('Started Squeezed memory ballooning daemon.'),
  ok('Started XCP RRD daemon.'),
  ok('Reached target Multi-User System.'),
];

/** dom0's boot, within the guest profile's boot time of its VM. */
export function hostBootScript(sim: Simulator, host: string, dom0: string): BootScript {
  const bootMs = guestOf(sim, dom0).bootMs;
  const key = sim.db.get<{ uuid: string }>('VM', dom0).uuid;
  const kernelStartMs = Math.round(bootMs * 0.1);
  return {
    lines: [
      ...spread(xenLines(sim, host, dom0), 0, kernelStartMs, `${key}/xen`, false),
      ...spread(dom0KernelLines(sim, host, dom0), kernelStartMs, bootMs * 0.5, key, true),
      ...spread(INIT, bootMs * 0.55, bootMs * 0.9, `${key}/init`, false),
    ],
    kernelStartMs,
    loginAtMs: Math.round(bootMs * 0.93),
  };
}

/** What `xl dmesg` prints: the hypervisor's own boot messages. */
export function xenLog(sim: Simulator, host: string, dom0: string): string[] {
  return xenLines(sim, host, dom0);
}
