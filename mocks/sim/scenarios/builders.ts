/**
 * Typed builders for scenario pools: hosts with their hardware (CPUs, RAM, NICs, a
 * local disk), networks, shared storage, the default templates, and guests in any
 * power state. Everything goes through the database and the domain bookkeeping, so
 * a built pool is indistinguishable from one reached by API calls.
 */
import { NULL_REF } from '../db';
import { createDomain, reportGuestAgent } from '../domains';
import { DEFAULT_GUEST, type GuestProfile } from '../hardware';
import { SQUEEZED_RESERVE_BYTES, vmMemoryOverhead } from '../memory';
import type { Simulator } from '../simulator';
import { xapiDatetime } from '../time';
import { GiB, MiB } from '../units';
import { writeCopy } from '../vm-clone';
import { createControlDomain, createPifs, type HostSpec } from './host-hardware';
import { createLocalSr, createStorageManagers, plugSharedSr, SR_OPERATIONS } from './storage';
import { provisionXml, STANDARD_TEMPLATES, type TemplateSpec } from './templates';

export type { HostSpec } from './host-hardware';

export interface VmSpec {
  name: string;
  /** name_label of a template; its OS, memory and vCPU defaults apply. */
  template?: string;
  description?: string;
  tags?: string[];
  memoryMiB?: { staticMin?: number; dynamicMin: number; dynamicMax: number; staticMax: number };
  vcpus?: { max: number; atStartup?: number };
  disks?: { sizeGiB: number; sr: string }[];
  networks?: string[];
  power?: 'Running' | 'Halted' | 'Suspended' | 'Paused';
  /** Required for Running and Paused guests. */
  host?: string;
  guest?: Partial<GuestProfile>;
}

/** Xen's own footprint on a host: a fixed part plus frame tables that grow with RAM. */
function xenOverheadBytes(memoryBytes: number): number {
  return 128 * MiB + Math.round(memoryBytes / 256 / MiB) * MiB;
}

export class PoolBuilder {
  readonly pool: string;
  private hostCount = 0;
  private readonly management: string;
  private readonly templatesByName = new Map<string, { ref: string; spec: TemplateSpec }>();
  private vmCount = 0;
  private readonly sharedSrs: string[] = [];

  constructor(
    private readonly sim: Simulator,
    name: string,
  ) {
    const db = sim.db;
    createStorageManagers(sim);
    this.management = this.network({ name: 'Pool-wide network associated with eth0', bridge: 'xenbr0' });
    this.pool = db.create('pool', {
      name_label: name,
      name_description: '',
      // MIN and MAX archives for VMs as well as hosts, so every graph can show them.
      other_config: {
        'memory-ratio-hvm': '0.25',
        'memory-ratio-pv': '0.25',
        create_min_max_in_new_VM_RRDs: 'true',
      },
      gui_config: {},
      restrictions: { restrict_dmc: 'false', restrict_vcpu_hotplug: 'false', restrict_pool_size: 'false' },
      cpu_info: { cpu_count: '0', socket_count: '0', vendor: 'GenuineIntel' },
      ha_enabled: false,
      migration_compression: false,
    });
  }

  private get db() {
    return this.sim.db;
  }

  /** The pool-wide network on bridge xenbr<n>, created with the first host that has the NIC. */
  private poolNetwork(n: number, device: string): string {
    const existing = this.db
      .refs('network')
      .find((ref) => this.db.get<{ bridge: string }>('network', ref).bridge === `xenbr${n}`);
    return existing ?? this.network({ name: `Pool-wide network associated with ${device}`, bridge: `xenbr${n}` });
  }

  network(spec: { name: string; bridge: string; description?: string }): string {
    return this.db.create('network', {
      name_label: spec.name,
      name_description: spec.description ?? '',
      bridge: spec.bridge,
      MTU: 1500,
      managed: true,
      other_config: { automatic: 'true' },
    });
  }

  /** A VLAN network: one VLAN PIF per existing and future host, tagged on eth1. */
  vlanNetwork(name: string, tag: number): string {
    const network = this.network({ name, bridge: `xapi${tag}`, description: `VLAN ${tag}` });
    this.vlans.push({ network, tag });
    for (const host of this.db.refs('host')) this.addVlanPif(host, network, tag);
    return network;
  }

  private vlans: { network: string; tag: number }[] = [];

  private addVlanPif(host: string, network: string, tag: number) {
    const tagged = this.db
      .get<{ PIFs: string[] }>('host', host)
      .PIFs.find((p) => this.db.get<{ device: string }>('PIF', p).device === 'eth1');
    if (!tagged) return;
    const { MAC } = this.db.get<{ MAC: string }>('PIF', tagged);
    const pif = this.db.create('PIF', {
      device: 'eth1',
      network,
      host,
      MAC,
      MTU: 1500,
      VLAN: tag,
      physical: false,
      currently_attached: true,
      ip_configuration_mode: 'None',
      managed: true,
      metrics: NULL_REF,
    });
    const vlan = this.db.create('VLAN', { tagged_PIF: tagged, untagged_PIF: pif, tag });
    this.db.update('PIF', pif, { VLAN_master_of: vlan });
  }

  host(spec: HostSpec): string {
    const db = this.db;
    const index = this.hostCount++;
    const memoryBytes = spec.memoryGiB * GiB;
    const xenBytes = xenOverheadBytes(memoryBytes);
    const address = `192.0.2.${10 + index}`;
    const cpuCount = spec.sockets * spec.coresPerSocket * spec.threadsPerCore;
    const model = spec.cpuModel ?? 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz';
    const now = xapiDatetime(this.sim.clock.now());
    const metrics = db.create('host_metrics', {
      memory_total: memoryBytes,
      memory_free: memoryBytes - xenBytes,
      live: true,
      last_updated: now,
    });
    const host = db.create('host', {
      name_label: spec.name,
      name_description: '',
      hostname: spec.name,
      address,
      enabled: true,
      metrics,
      memory_overhead: xenBytes + SQUEEZED_RESERVE_BYTES,
      API_version_major: 2,
      API_version_minor: 23,
      API_version_vendor: 'XenSource',
      software_version: {
        product_brand: 'XCP-ng',
        product_version: '8.3.0',
        product_version_text: '8.3',
        platform_name: 'XCP',
        platform_version: '3.4.0',
        xapi: '26.17',
        xen: '4.17.5-13',
        hostname: spec.name,
        date: '2026-08-21',
        dbv: '2026.0821',
      },
      cpu_info: {
        cpu_count: String(cpuCount),
        socket_count: String(spec.sockets),
        vendor: model.includes('AMD') ? 'AuthenticAMD' : 'GenuineIntel',
        speed: '2000.000',
        modelname: model,
        family: '6',
        model: '106',
        stepping: '6',
        flags:
          'fpu de tsc msr pae mce cx8 apic sep mca cmov pat clflush acpi mmx fxsr sse sse2 ht syscall nx lm constant_tsc rep_good nopl nonstop_tsc pni pclmulqdq vmx est ssse3 fma cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm',
        features: '1fcbfbff-f7fa3223-2d93fbff-00000423',
      },
      capabilities: ['xen-3.0-x86_64', 'hvm-3.0-x86_32', 'hvm-3.0-x86_32p', 'hvm-3.0-x86_64'],
      sched_policy: 'credit',
      license_params: { sku_type: 'free', expiry: '20380119T03:14:07Z' },
      edition: 'xcp-ng',
      license_server: { address: 'localhost', port: '27000' },
      other_config: { iscsi_iqn: `iqn.2026-01.test.xenith:${spec.name}`, agent_start_time: '1767225600.' },
      iscsi_iqn: `iqn.2026-01.test.xenith:${spec.name}`,
      power_on_mode: '',
      display: 'enabled',
      control_domain: NULL_REF,
      updates_requiring_reboot: [],
      last_software_update: now,
    });
    this.sim.hardware.set(host, { xenOverheadBytes: xenBytes, bootMs: 90_000 });
    for (let i = 0; i < cpuCount; i++) {
      db.create('host_cpu', {
        host,
        number: i,
        vendor: model.includes('AMD') ? 'AuthenticAMD' : 'GenuineIntel',
        speed: 2000,
        modelname: model,
        family: 6,
        model: 106,
        stepping: '6',
        flags: 'fpu de tsc msr pae mce cx8 apic sep',
        features: '1fcbfbff-f7fa3223-2d93fbff-00000423',
        utilisation: 0,
      });
    }
    createPifs(this.sim, host, spec.nics ?? 2, address, (n, device) => this.poolNetwork(n, device));
    for (const { network, tag } of this.vlans) this.addVlanPif(host, network, tag);
    createLocalSr(this.sim, host, spec.name, spec.localDiskGiB ?? 500);
    for (const sr of this.sharedSrs) plugSharedSr(this.db, sr, host);
    createControlDomain(this.sim, host, spec, cpuCount);
    if (index === 0) db.update('pool', this.pool, { master: host });
    return host;
  }

  sharedSr(spec: { name: string; type: 'nfs' | 'lvmoiscsi' | 'iso'; sizeGiB: number; description?: string }): string {
    const sr = this.db.create('SR', {
      name_label: spec.name,
      name_description: spec.description ?? '',
      type: spec.type,
      content_type: spec.type === 'iso' ? 'iso' : 'user',
      shared: true,
      physical_size: spec.sizeGiB * GiB,
      allowed_operations: [...SR_OPERATIONS],
    });
    this.sharedSrs.push(sr);
    for (const host of this.db.refs('host')) plugSharedSr(this.db, sr, host);
    return sr;
  }

  templates(): void {
    for (const spec of STANDARD_TEMPLATES) {
      const ref = this.db.create('VM', {
        ...this.vmMemoryAndCpu(
          spec.staticMinMiB,
          spec.dynamicMinMiB,
          spec.dynamicMinMiB,
          spec.staticMaxMiB,
          spec.vcpus,
          spec.vcpus,
        ),
        name_label: spec.name,
        name_description: `Template which allows VM installation from install media (${spec.os === 'windows' ? 'Windows' : 'Linux'})`,
        is_a_template: true,
        is_default_template: true,
        domid: -1,
        user_version: 1,
        power_state: 'Halted',
        HVM_boot_policy: 'BIOS order',
        HVM_boot_params: { order: 'cdn' },
        platform: {
          viridian: spec.os === 'windows' ? 'true' : 'false',
          acpi: '1',
          apic: 'true',
          pae: 'true',
          nx: 'true',
          'device-model': 'qemu-upstream-compat',
        },
        other_config: {
          default_template: 'true',
          disks: provisionXml(spec.diskGiB),
          'install-methods': 'cdrom',
          linux_template: String(spec.os === 'linux'),
        },
        recommendations: `<restrictions><restriction field="memory-static-max" max="${1536 * GiB}"/><restriction field="vcpus-max" max="32"/></restrictions>`,
        metrics: NULL_REF,
        domain_type: 'hvm',
        HVM_shadow_multiplier: 1,
        actions_after_shutdown: 'destroy',
        actions_after_reboot: 'restart',
        actions_after_crash: 'restart',
      });
      this.sim.guests.set(ref, {
        ...DEFAULT_GUEST,
        os: spec.os,
        osVersion: spec.osVersion,
        hasTools: spec.toolsByDefault,
      });
      this.templatesByName.set(spec.name, { ref, spec });
    }
  }

  private vmMemoryAndCpu(
    smin: number,
    dmin: number,
    dmax: number,
    smax: number,
    vcpusMax: number,
    vcpusAtStartup: number,
  ) {
    const fields = {
      memory_static_min: smin * MiB,
      memory_dynamic_min: dmin * MiB,
      memory_dynamic_max: dmax * MiB,
      memory_static_max: smax * MiB,
      memory_target: dmin * MiB,
      VCPUs_max: vcpusMax,
      VCPUs_at_startup: vcpusAtStartup,
      HVM_shadow_multiplier: 1,
      domain_type: 'hvm',
    };
    return { ...fields, memory_overhead: vmMemoryOverhead(fields) };
  }

  vm(spec: VmSpec): string {
    const db = this.db;
    const template = spec.template ? this.templatesByName.get(spec.template) : undefined;
    const t = template?.spec ?? STANDARD_TEMPLATES[0];
    const memory = spec.memoryMiB ?? {
      staticMin: t.staticMinMiB,
      dynamicMin: t.dynamicMinMiB,
      dynamicMax: t.staticMaxMiB,
      staticMax: t.staticMaxMiB,
    };
    const vcpusMax = spec.vcpus?.max ?? t.vcpus;
    const guest: GuestProfile = {
      ...DEFAULT_GUEST,
      os: t.os,
      osVersion: t.osVersion,
      hasTools: t.toolsByDefault,
      ...spec.guest,
    };
    const now = xapiDatetime(this.sim.clock.now());
    const metrics = db.create('VM_metrics', {
      install_time: now,
      memory_actual: 0,
      VCPUs_number: 0,
      current_domain_type: 'unspecified',
    });
    const index = this.vmCount++;
    const vm = db.create('VM', {
      ...this.vmMemoryAndCpu(
        memory.staticMin ?? Math.min(memory.dynamicMin, t.staticMinMiB),
        memory.dynamicMin,
        memory.dynamicMax,
        memory.staticMax,
        vcpusMax,
        spec.vcpus?.atStartup ?? vcpusMax,
      ),
      name_label: spec.name,
      name_description: spec.description ?? '',
      tags: spec.tags ?? [],
      user_version: 1,
      power_state: 'Halted',
      is_a_template: false,
      HVM_boot_policy: 'BIOS order',
      HVM_boot_params: { order: 'dc' },
      platform: {
        viridian: String(guest.os === 'windows'),
        acpi: '1',
        apic: 'true',
        pae: 'true',
        nx: 'true',
        'device-model': 'qemu-upstream-compat',
      },
      other_config: template ? { base_template_name: t.name, 'install-methods': 'cdrom', mac_seed: db.newUuid() } : {},
      metrics,
      actions_after_shutdown: 'destroy',
      actions_after_reboot: 'restart',
      actions_after_crash: 'restart',
      generation_id: '',
      hardware_platform_version: 2,
      has_vendor_device: guest.os === 'windows',
      suspend_VDI: NULL_REF,
      affinity: NULL_REF,
      domid: -1,
    });
    this.sim.guests.set(vm, guest);
    const disks = spec.disks ?? (spec.host ? [{ sizeGiB: t.diskGiB, sr: this.sim.localSr.get(spec.host)! }] : []);
    for (const [i, disk] of disks.entries()) this.attachDisk(vm, disk.sizeGiB, disk.sr, i, spec.name);
    this.attachCdrom(vm, disks.length);
    for (const [i, network] of (spec.networks ?? [this.management]).entries()) this.attachVif(vm, network, i, index);

    const power = spec.power ?? 'Halted';
    if (power === 'Running' || power === 'Paused') {
      if (!spec.host) throw new Error(`VM ${spec.name}: a ${power} VM needs a host`);
      createDomain(this.sim, vm, spec.host, { paused: power === 'Paused' });
      reportGuestAgent(this.sim, vm);
    } else if (power === 'Suspended') {
      this.suspendImage(vm, spec.name, memory.staticMax, disks[0]?.sr);
    }
    return vm;
  }

  private attachDisk(vm: string, sizeGiB: number, sr: string, position: number, vmName: string) {
    const used = Math.round(sizeGiB * GiB * 0.4);
    const vdi = this.db.create('VDI', {
      name_label: `${vmName} ${position === 0 ? 'system' : `data ${position}`}`,
      name_description: 'Created by Xenith scenario',
      SR: sr,
      virtual_size: sizeGiB * GiB,
      physical_utilisation: used,
      type: 'user',
      sharable: false,
      read_only: false,
      managed: true,
      location: this.db.newUuid(),
      sm_config: { vdi_type: 'vhd' },
      allowed_operations: ['clone', 'copy', 'resize', 'snapshot', 'destroy', 'forget', 'generate_config', 'update'],
    });
    this.growSr(sr, sizeGiB * GiB, used);
    this.db.create('VBD', {
      VM: vm,
      VDI: vdi,
      device: `xvd${String.fromCharCode(97 + position)}`,
      userdevice: String(position),
      bootable: position === 0,
      mode: 'RW',
      type: 'Disk',
      empty: false,
      unpluggable: true,
      currently_attached: false,
      other_config: { owner: '' },
    });
  }

  private growSr(sr: string, virtualBytes: number, usedBytes: number) {
    const r = this.db.get<{ virtual_allocation: number; physical_utilisation: number }>('SR', sr);
    this.db.update('SR', sr, {
      virtual_allocation: r.virtual_allocation + virtualBytes,
      physical_utilisation: r.physical_utilisation + usedBytes,
    });
  }

  private attachCdrom(vm: string, position: number) {
    this.db.create('VBD', {
      VM: vm,
      VDI: NULL_REF,
      device: `xvd${String.fromCharCode(97 + position)}`,
      userdevice: String(position),
      bootable: false,
      mode: 'RO',
      type: 'CD',
      empty: true,
      unpluggable: true,
    });
  }

  private attachVif(vm: string, network: string, device: number, vmIndex: number) {
    const ip = `192.0.2.${100 + ((vmIndex * 3 + device) % 150)}`;
    this.db.create('VIF', {
      VM: vm,
      network,
      device: String(device),
      MAC: this.sim.random.mac(),
      MTU: 1500,
      locking_mode: 'network_default',
      ipv4_configuration_mode: 'None',
      ipv4_addresses: [`${ip}/24`],
      currently_attached: false,
    });
  }

  private suspendImage(vm: string, name: string, staticMaxMiB: number, sr: string | undefined) {
    const target = sr ?? this.db.get<{ default_SR: string }>('pool', this.pool).default_SR;
    const vdi = this.db.create('VDI', {
      name_label: `Suspend image for ${name}`,
      SR: target,
      virtual_size: staticMaxMiB * MiB,
      physical_utilisation: staticMaxMiB * MiB,
      type: 'suspend',
      managed: true,
      location: this.db.newUuid(),
    });
    this.db.update('VM', vm, { power_state: 'Suspended', suspend_VDI: vdi, last_booted_record: '' });
  }

  /** A snapshot of a VM (disk-only), exactly as VM.snapshot leaves it. */
  snapshot(vm: string, name: string): string {
    return writeCopy(this.sim, vm, name, 'snapshot');
  }

  /** Default SR for new disks and suspend images, and a final alert or two. */
  finish(defaultSr: string): void {
    this.db.update('pool', this.pool, { default_SR: defaultSr, suspend_image_SR: defaultSr, crash_dump_SR: defaultSr });
    const hosts = this.db.refs('host');
    const cpus = hosts.reduce(
      (n, h) => n + Number(this.db.get<{ cpu_info: Record<string, string> }>('host', h).cpu_info.cpu_count),
      0,
    );
    const sockets = hosts.reduce(
      (n, h) => n + Number(this.db.get<{ cpu_info: Record<string, string> }>('host', h).cpu_info.socket_count),
      0,
    );
    this.db.update('pool', this.pool, {
      cpu_info: { cpu_count: String(cpus), socket_count: String(sockets), vendor: 'GenuineIntel' },
    });
  }
}
