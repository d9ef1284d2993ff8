/**
 * What a booting Linux guest prints, and when: firmware and boot loader, the kernel's
 * messages (which also form its kernel log), then init, each at a virtual time within
 * the guest's boot time. The kernel's lines describe the VM's own hardware: its memory,
 * vCPUs, disks and NICs with their MACs.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { guestOf } from '../domains';
import type { Simulator } from '../simulator';
import { GiB, KiB } from '../units';
import { guestCpu, guestDisks, guestIdentity, guestNics } from './guest-facts';
import { stableFraction } from './stable-hash';

export interface BootLine {
  /** Virtual ms after the domain started. */
  offsetMs: number;
  text: string;
  /** Kernel messages also go to the kernel log; firmware, boot loader and init lines only to the screen. */
  kernel: boolean;
  /** The kernel's frame buffer takes over the screen from VGA text mode here. */
  framebuffer?: boolean;
}

export interface BootScript {
  lines: BootLine[];
  /** Where the kernel's clock starts: dmesg times count from here. */
  kernelStartMs: number;
  /** When init starts the login prompt on the console. */
  loginAtMs: number;
}

/** The lines of one phase, spread evenly over [fromMs, toMs) with a little per-guest jitter. */
export function spread(texts: string[], fromMs: number, toMs: number, key: string, kernel: boolean): BootLine[] {
  const step = (toMs - fromMs) / Math.max(1, texts.length);
  return texts.map((text, i) => ({
    offsetMs: Math.round(fromMs + step * (i + 0.5 * stableFraction(key, i))),
    text,
    kernel,
  }));
}

const hex = (n: number) => n.toString(16).padStart(16, '0');

/** The e820 map hvmloader gives an HVM guest of `bytes`: RAM below the 4 GiB hole, the rest above. */
function e820(bytes: number): string[] {
  const hole = 0xf0000000;
  const low = Math.min(bytes, hole);
  const lines = [
    'BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable',
    'BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved',
    `BIOS-e820: [mem 0x0000000000100000-0x${hex(low - 1)}] usable`,
    'BIOS-e820: [mem 0x00000000fc000000-0x00000000ffffffff] reserved',
  ];
  if (bytes > hole) lines.push(`BIOS-e820: [mem 0x0000000100000000-0x${hex(0x100000000 + bytes - hole - 1)}] usable`);
  return lines;
}

function diskLines(sim: Simulator, vm: string): string[] {
  const emulated = !guestOf(sim, vm).hasTools;
  return guestDisks(sim, vm).flatMap((disk, i) => {
    const sectors = Math.floor(disk.sizeBytes / 512);
    const size = `(${(disk.sizeBytes / 1e9).toFixed(1)} GB/${(disk.sizeBytes / GiB).toFixed(1)} GiB)`;
    return emulated
      ? [
          `ata${i + 1}.00: ATA-7: QEMU HARDDISK, 2.5+, max UDMA/100`,
          `sd ${i}:0:0:0: [${disk.device}] ${sectors} 512-byte logical blocks: ${size}`,
          ` ${disk.device}: ${disk.partition}`,
        ]
      : [
          `blkfront: ${disk.device}: flush diskcache: enabled; persistent grants: enabled; indirect descriptors: enabled; bounce buffer: enabled`,
          `${disk.device}: detected capacity change from 0 to ${sectors}`,
          ` ${disk.device}: ${disk.partition}`,
        ];
  });
}

function nicLines(sim: Simulator, vm: string): string[] {
  const nics = guestNics(sim, vm);
  if (!guestOf(sim, vm).hasTools) {
    // Without PV drivers the guest sees qemu's emulated RTL8139 cards.
    return nics.map(
      (nic, i) =>
        `8139cp 0000:00:0${4 + i}.0 ${nic.name}: RTL-8139C+ at 0x${(0xc000 + i * 0x100).toString(16)}, ${nic.mac}, IRQ ${28 + i}`,
    );
  }
  return [
    'xen_netfront: Initialising Xen virtual ethernet driver',
    ...nics.map((nic, i) => `xen_netfront: vif-${i}: ${nic.name}: MAC ${nic.mac}, mtu ${nic.mtu}`),
  ];
}

function kernelLines(sim: Simulator, vm: string): string[] {
  const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  const host = sim.db.find<XapiRecord<'host'>>('host', record.resident_on);
  const id = guestIdentity(sim, vm);
  const cpu = guestCpu(sim, vm);
  const disks = guestDisks(sim, vm);
  const root = disks[0]?.partition ?? 'xvda1';
  const xen = host?.software_version.xen ?? '4.17.5';
  const totalKiB = Math.floor(record.memory_static_max / KiB);
  const kernelKiB = 20 * 1024 + Math.floor(totalKiB / 64);
  const online = record.VCPUs_at_startup;
  const secondary = Array.from({ length: online - 1 }, (_, i) => `#${i + 1}`).join(' ');
  const tools = guestOf(sim, vm).hasTools;
  return [
    `Linux version ${id.kernelRelease} (builder@${id.family}) (gcc 12.2.0, GNU ld 2.40) #1 SMP PREEMPT_DYNAMIC`,
    `Command line: BOOT_IMAGE=/boot/vmlinuz-${id.kernelRelease} root=/dev/${root} ro console=tty0 console=${id.tty},115200n8 net.ifnames=0`,
    'BIOS-provided physical RAM map:',
    ...e820(record.memory_static_max),
    `DMI: Xen HVM domU, BIOS ${xen} 11/21/2025`,
    'Hypervisor detected: Xen HVM',
    `Xen version ${xen.split('.').slice(0, 2).join('.')}.`,
    `tsc: Detected ${cpu.mhz.toFixed(3)} MHz processor`,
    `Memory: ${totalKiB - kernelKiB}K/${totalKiB}K available (${Math.floor(kernelKiB / 2)}K kernel code, ${kernelKiB}K reserved)`,
    `smpboot: Allowing ${record.VCPUs_max} CPUs, ${record.VCPUs_max - online} hotplug CPUs`,
    `smpboot: CPU0: ${cpu.modelName} (family: 0x${cpu.family.toString(16)}, model: 0x${cpu.model.toString(16)}, stepping: 0x${cpu.stepping.toString(16)})`,
    'smp: Bringing up secondary CPUs ...',
    ...(online > 1 ? ['x86: Booting SMP configuration:', `.... node  #0, CPUs:      ${secondary}`] : []),
    `smp: Brought up 1 node, ${online} CPU${online === 1 ? '' : 's'}`,
    ...(tools ? ['xen:balloon: Initialising balloon driver'] : []),
    'pci 0000:00:02.0: vgaarb: setting as boot VGA device',
    'fbcon: bochs-drmdrmfb (fb0) is primary device',
    'Console: switching to colour frame buffer device 128x48',
    `Freeing unused kernel image (initmem) memory: ${2048 + (totalKiB % 1024)}K`,
    'Run /init as init process',
    ...diskLines(sim, vm),
    ...nicLines(sim, vm),
    `EXT4-fs (${root}): mounted filesystem with ordered data mode. Quota mode: none.`,
    'systemd[1]: Detected virtualization xen.',
    `systemd[1]: Hostname set to <${id.hostname}>.`,
  ];
}

export const ok = (what: string) => `[\x1b[0;32m  OK  \x1b[0m] ${what}`;

function initLines(sim: Simulator, vm: string): string[] {
  const id = guestIdentity(sim, vm);
  const dataDisks = guestDisks(sim, vm).slice(1);
  return [
    '',
    `Welcome to \x1b[1m${id.prettyName}\x1b[0m!`,
    '',
    ok('Created slice system-getty.slice - Slice /system/getty.'),
    ok('Started systemd-journald.service - Journal Service.'),
    ok('Finished systemd-fsck-root.service - File System Check on Root Device.'),
    ...dataDisks.map((disk) => ok(`Mounted ${disk.mountPoint.slice(1)}.mount - ${disk.mountPoint}.`)),
    ok('Reached target network.target - Network.'),
    ok('Started ssh.service - OpenBSD Secure Shell server.'),
    ...(guestOf(sim, vm).hasTools ? [ok('Started xe-linux-distribution.service - xe-linux-distribution daemon.')] : []),
    ok('Reached target multi-user.target - Multi-User System.'),
  ];
}

/** Firmware and boot loader, as qemu's SeaBIOS and GRUB print them. */
function firmwareLines(sim: Simulator, vm: string): string[] {
  const id = guestIdentity(sim, vm);
  return [
    'SeaBIOS (version 1.16.3-xen)',
    'Booting from Hard Disk...',
    `Loading Linux ${id.kernelRelease} ...`,
    'Loading initial ramdisk ...',
  ];
}

export function linuxBootScript(sim: Simulator, vm: string): BootScript {
  const bootMs = guestOf(sim, vm).bootMs;
  const key = sim.db.get<{ uuid: string }>('VM', vm).uuid;
  const kernelStartMs = Math.round(bootMs * 0.08);
  const kernel = spread(kernelLines(sim, vm), kernelStartMs, bootMs * 0.45, key, true);
  for (const line of kernel) if (line.text.startsWith('fbcon:')) line.framebuffer = true;
  return {
    lines: [
      ...spread(firmwareLines(sim, vm), 0, bootMs * 0.07, `${key}/firmware`, false),
      ...kernel,
      ...spread(initLines(sim, vm), bootMs * 0.5, bootMs * 0.9, `${key}/init`, false),
    ],
    kernelStartMs,
    loginAtMs: Math.round(bootMs * 0.93),
  };
}
