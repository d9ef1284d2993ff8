/**
 * A host's devices and its control domain for scenario pools: NICs as PIFs with their
 * metrics on the pool's networks, and dom0 running from boot.
 */
import { createDomain } from '../domains';
import { vmMemoryOverhead } from '../memory';
import type { Simulator } from '../simulator';
import { xapiDatetime } from '../time';
import { GiB } from '../units';

export interface HostSpec {
  name: string;
  memoryGiB: number;
  sockets: number;
  coresPerSocket: number;
  threadsPerCore: number;
  cpuModel?: string;
  nics?: number;
  localDiskGiB?: number;
  dom0MemoryGiB?: number;
}

/** One PIF per NIC, on the pool-wide network of its bridge (`networkFor(n)` finds or makes it); eth0 manages. */
export function createPifs(
  sim: Simulator,
  host: string,
  nics: number,
  address: string,
  networkFor: (n: number, device: string) => string,
): void {
  for (let n = 0; n < nics; n++) {
    const device = `eth${n}`;
    const network = networkFor(n, device);
    const metrics = sim.db.create('PIF_metrics', {
      carrier: true,
      speed: 10_000,
      duplex: true,
      vendor_name: 'Intel Corporation',
      device_name: 'Ethernet Controller X710 for 10GbE SFP+',
      vendor_id: '8086',
      device_id: '1572',
      pci_bus_path: `0000:3b:00.${n}`,
      last_updated: xapiDatetime(sim.clock.now()),
    });
    const management = n === 0;
    sim.db.create('PIF', {
      device,
      network,
      host,
      MAC: sim.random.mac(),
      MTU: 1500,
      VLAN: -1,
      metrics,
      physical: true,
      currently_attached: true,
      management,
      ip_configuration_mode: management ? 'Static' : 'None',
      IP: management ? address : '',
      netmask: management ? '255.255.255.0' : '',
      gateway: management ? '192.0.2.1' : '',
      DNS: management ? '192.0.2.2' : '',
      primary_address_type: 'IPv4',
      managed: true,
      properties: { gro: 'on' },
      capabilities: ['fcoe'],
      igmp_snooping_status: 'unknown',
    });
  }
}

/** dom0: a control-domain VM with fixed memory, running from the host's boot. */
export function createControlDomain(sim: Simulator, host: string, spec: HostSpec, cpuCount: number): void {
  const memory = (spec.dom0MemoryGiB ?? Math.min(8, Math.max(2, Math.round(spec.memoryGiB / 64)))) * GiB;
  const vcpus = Math.min(16, cpuCount);
  const metrics = sim.db.create('VM_metrics', {
    VCPUs_number: vcpus,
    memory_actual: memory,
    install_time: xapiDatetime(sim.clock.now()),
  });
  const vm = sim.db.create('VM', {
    name_label: `Control domain on host: ${spec.name}`,
    name_description: 'The domain which manages physical devices and manages other domains',
    is_control_domain: true,
    power_state: 'Halted',
    user_version: 1,
    memory_static_min: memory,
    memory_dynamic_min: memory,
    memory_dynamic_max: memory,
    memory_static_max: memory,
    memory_target: memory,
    VCPUs_max: vcpus,
    VCPUs_at_startup: vcpus,
    domain_type: 'pv',
    HVM_shadow_multiplier: 1,
    metrics,
    affinity: host,
    other_config: { storage_driver_domain: 'true', is_system_domain: 'true' },
  });
  sim.db.update('VM', vm, { memory_overhead: vmMemoryOverhead(sim.db.get('VM', vm)) });
  sim.nextDomid.set(host, 0);
  createDomain(sim, vm, host, { booted: true });
  sim.db.update('host', host, { control_domain: vm });
}
