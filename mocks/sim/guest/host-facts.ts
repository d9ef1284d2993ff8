/**
 * What a host's control domain knows about the machine: its NICs (PIFs) and the bridges
 * built on them, its local disk, and Xen's view of its memory. dom0's boot log and its
 * shell (`ip addr`, `df`, `xl info`) print these.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import type { Simulator } from '../simulator';
import { MiB } from '../units';

type Host = XapiRecord<'host'>;

export interface HostInterface {
  name: string;
  mac: string;
  mtu: number;
  /** The bridge a physical NIC is enslaved to. */
  master?: string;
  ipv4?: { address: string; prefix: number };
}

const prefixOf = (netmask: string) =>
  netmask.split('.').reduce((bits, octet) => bits + (Number(octet) >>> 0).toString(2).replace(/0/g, '').length, 0);

/** Each physical NIC and its bridge (xenbr<n>), which carries the management address. */
export function hostInterfaces(sim: Simulator, host: string): HostInterface[] {
  const pifs = sim.db
    .get<Host>('host', host)
    .PIFs.map((ref) => sim.db.get<XapiRecord<'PIF'>>('PIF', ref))
    .filter((pif) => pif.physical)
    .sort((a, b) => a.device.localeCompare(b.device, 'en', { numeric: true }));
  return pifs.flatMap((pif) => {
    const bridge = sim.db.find<XapiRecord<'network'>>('network', pif.network)?.bridge ?? `xenbr${pif.device.slice(3)}`;
    const ipv4 = pif.IP ? { address: pif.IP, prefix: prefixOf(pif.netmask) || 24 } : undefined;
    return [
      { name: pif.device, mac: pif.MAC, mtu: pif.MTU, master: bridge },
      { name: bridge, mac: pif.MAC, mtu: pif.MTU, ipv4 },
    ];
  });
}

/** The host's physical NICs with their PCI paths, for the kernel's driver messages. */
export function hostNics(sim: Simulator, host: string): { device: string; mac: string; pciPath: string }[] {
  return sim.db
    .get<Host>('host', host)
    .PIFs.map((ref) => sim.db.get<XapiRecord<'PIF'>>('PIF', ref))
    .filter((pif) => pif.physical)
    .map((pif) => ({
      device: pif.device,
      mac: pif.MAC,
      pciPath: sim.db.find<XapiRecord<'PIF_metrics'>>('PIF_metrics', pif.metrics)?.pci_bus_path ?? '0000:00:00.0',
    }));
}

/** The local disk: the size of the host's local SR plus the 46 GiB dom0's own partitions take. */
export function hostDiskBytes(sim: Simulator, host: string): number {
  const local = sim.localSr.get(host);
  const srBytes = local ? sim.db.get<XapiRecord<'SR'>>('SR', local).physical_size : 0;
  return srBytes + 46 * 1024 * MiB;
}

export function hostMemoryTotalBytes(sim: Simulator, host: string): number {
  const { metrics } = sim.db.get<Host>('host', host);
  return sim.db.find<XapiRecord<'host_metrics'>>('host_metrics', metrics)?.memory_total ?? 0;
}

/** Memory Xen keeps for itself (heap, frame tables). */
export function xenOverheadBytes(sim: Simulator, host: string): number {
  return sim.hardware.get(host)?.xenOverheadBytes ?? 0;
}

/** What Xen has not given to any domain: its own part and every resident domain's pages and overhead aside. */
export function xenFreeBytes(sim: Simulator, host: string): number {
  let used = xenOverheadBytes(sim, host);
  for (const vm of sim.db.get<Host>('host', host).resident_VMs) {
    const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
    const actual = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', record.metrics)?.memory_actual ?? 0;
    used += actual + record.memory_overhead;
  }
  return Math.max(0, hostMemoryTotalBytes(sim, host) - used);
}
