/**
 * What happens to the database when a guest domain appears on or leaves a host:
 * the bookkeeping XAPI does through xenopsd events and force_state_reset. Lifecycle
 * operations and scenarios both go through here, so a VM built running and a VM
 * started by a call look the same.
 */

import { NULL_REF } from './db';
import { clearGuestEvents } from './guest-log';
import { DEFAULT_GUEST, type GuestProfile } from './hardware';
import { checkHostMemoryAlarm } from './host-alarms';
import type { MemoryFields } from './memory';
import { domainCreated, domainDestroyed, domainMoved, driverMayRun } from './memory-balancer';
import type { Simulator } from './simulator';
import { xapiDatetime } from './time';

export function guestOf(sim: Simulator, vm: string): GuestProfile {
  return sim.guests.get(vm) ?? DEFAULT_GUEST;
}

function allocateDomid(sim: Simulator, host: string): number {
  const domid = sim.nextDomid.get(host) ?? 1;
  sim.nextDomid.set(host, domid + 1);
  return domid;
}

/**
 * Which incarnation of a VM's domain is running, per simulator: bumped when a domain is
 * built or rebuilt (reboot), kept across migration, dropped when the domain goes. Timers
 * that belong to one boot (the guest agent reporting in) check it before acting.
 */
const generations = new WeakMap<Simulator, Map<string, number>>();
let nextGeneration = 1;

export function domainGeneration(sim: Simulator, vm: string): number | undefined {
  return generations.get(sim)?.get(vm);
}

function newGeneration(sim: Simulator, vm: string) {
  const map = generations.get(sim) ?? new Map<string, number>();
  generations.set(sim, map);
  map.set(vm, nextGeneration++);
}

/** A VM that never had a metrics object (one made by VM.create) gets one when it first runs. */
function ensureMetrics(sim: Simulator, vm: string): string {
  const { metrics } = sim.db.get<{ metrics: string }>('VM', vm);
  if (sim.db.has('VM_metrics', metrics)) return metrics;
  const created = sim.db.create('VM_metrics', { install_time: xapiDatetime(sim.clock.now()) });
  sim.db.update('VM', vm, { metrics: created });
  return created;
}

/** The balloon target a guest settles at: its dynamic maximum, or static max without a balloon driver. */
export function initialTarget(sim: Simulator, vm: string): number {
  const record = sim.db.get<MemoryFields>('VM', vm);
  return guestOf(sim, vm).hasTools ? record.memory_dynamic_max : record.memory_static_max;
}

/**
 * Creates the running domain: power state, residency, metrics, attached devices,
 * consoles. It holds `memoryBytes` (what squeezed reserved for it, less overhead), which
 * is also its first balloon target; scenarios build guests at their settled size.
 */
export function createDomain(
  sim: Simulator,
  vm: string,
  host: string,
  options: { paused?: boolean; memoryBytes?: number } = {},
): void {
  const now = xapiDatetime(sim.clock.now());
  const metrics = ensureMetrics(sim, vm);
  const record = sim.db.get<
    MemoryFields & { VBDs: string[]; VIFs: string[]; domain_type: string; platform: Record<string, string> }
  >('VM', vm);
  const target = options.memoryBytes ?? initialTarget(sim, vm);
  newGeneration(sim, vm);
  sim.db.update('VM', vm, {
    power_state: options.paused ? 'Paused' : 'Running',
    resident_on: host,
    scheduled_to_be_resident_on: NULL_REF,
    domid: allocateDomid(sim, host),
    memory_target: target,
  });
  // xenopsd captures these platform flags at boot; check_operation_error reads them from here.
  const flag = (key: string) => ['1', 'true'].includes((record.platform[key] ?? '').toLowerCase());
  sim.db.update('VM_metrics', metrics, {
    memory_actual: target,
    VCPUs_number: record.VCPUs_at_startup,
    VCPUs_utilisation: {},
    start_time: now,
    last_updated: now,
    current_domain_type: record.domain_type,
    hvm: record.domain_type === 'hvm',
    nomigrate: flag('nomigrate'),
    nested_virt: flag('nested-virt'),
    state: [],
  });
  for (const vbd of record.VBDs)
    sim.db.update('VBD', vbd, { currently_attached: !sim.db.get<{ empty: boolean }>('VBD', vbd).empty });
  for (const vif of record.VIFs) sim.db.update('VIF', vif, { currently_attached: true });
  createConsoles(sim, vm);
  clearGuestEvents(sim, vm);
  checkHostMemoryAlarm(sim, host);
  domainCreated(sim, vm, host, target);
}

function createConsoles(sim: Simulator, vm: string) {
  const guest = guestOf(sim, vm);
  const isControlDomain = sim.db.get<{ is_control_domain: boolean }>('VM', vm).is_control_domain;
  const protocols = isControlDomain ? ['vt100'] : guest.os === 'linux' ? ['vt100', 'rfb'] : ['rfb'];
  for (const protocol of protocols) {
    const uuid = sim.db.newUuid();
    sim.db.create('console', { uuid, protocol, location: `/console?uuid=${uuid}`, VM: vm });
  }
}

/**
 * The guest agent reporting in once the OS has booted: VM_guest_metrics with the
 * OS, drivers, features and addresses. Guests without tools never report.
 */
export function reportGuestAgent(sim: Simulator, vm: string): void {
  const guest = guestOf(sim, vm);
  if (!guest.hasTools) return;
  const record = sim.db.get<{ guest_metrics: string; VIFs: string[] }>('VM', vm);
  const networks: Record<string, string> = {};
  for (const vif of record.VIFs) {
    const { device, ipv4_addresses } = sim.db.get<{ device: string; ipv4_addresses: string[] }>('VIF', vif);
    const ip = ipv4_addresses[0]?.split('/')[0] ?? `192.0.2.${100 + (Number(device) % 100)}`;
    networks[`${device}/ip`] = ip;
    networks[`${device}/ipv4/0`] = ip;
  }
  const values = {
    os_version: guest.osVersion,
    PV_drivers_version:
      guest.os === 'windows'
        ? { major: '9', minor: '4', micro: '0', build: '146' }
        : { major: '8', minor: '3', micro: '0', build: '1' },
    PV_drivers_up_to_date: true,
    PV_drivers_detected: true,
    networks,
    other: {
      'feature-shutdown': '1',
      'feature-poweroff': '1',
      'feature-reboot': '1',
      'feature-suspend': '1',
      'feature-vcpu-hotplug': '1',
      'feature-balloon': '1',
      'has-vendor-device': '0',
      platform_feature_multiprocessor_suspend: '1',
    },
    live: true,
    can_use_hotplug_vbd: 'yes',
    can_use_hotplug_vif: 'yes',
    last_updated: xapiDatetime(sim.clock.now()),
  };
  if (record.guest_metrics !== NULL_REF && sim.db.has('VM_guest_metrics', record.guest_metrics)) {
    sim.db.update('VM_guest_metrics', record.guest_metrics, values);
  } else {
    sim.db.update('VM', vm, { guest_metrics: sim.db.create('VM_guest_metrics', values) });
  }
  // The balloon driver has advertised itself: squeezed balances this guest from now on.
  driverMayRun(sim, vm);
}

/**
 * The domain is rebuilt in place (a reboot): a new domid on the same host, running with
 * VCPUs_at_startup vCPUs, its guest agent (and balloon driver) silent until the OS has
 * booted again. It keeps the memory it held.
 */
export function restartDomain(sim: Simulator, vm: string): void {
  const record = sim.db.get<{ resident_on: string; metrics: string; guest_metrics: string; VCPUs_at_startup: number }>(
    'VM',
    vm,
  );
  newGeneration(sim, vm);
  sim.db.update('VM', vm, { power_state: 'Running', domid: allocateDomid(sim, record.resident_on) });
  const now = xapiDatetime(sim.clock.now());
  if (sim.db.has('VM_metrics', record.metrics))
    sim.db.update('VM_metrics', record.metrics, {
      start_time: now,
      last_updated: now,
      VCPUs_number: record.VCPUs_at_startup,
    });
  if (sim.db.has('VM_guest_metrics', record.guest_metrics))
    sim.db.update('VM_guest_metrics', record.guest_metrics, { live: false });
  clearGuestEvents(sim, vm);
  driverMayRun(sim, vm);
}

/** The domain now runs on `host` (a completed migration): a domid there, the reservation gone. */
export function moveDomain(sim: Simulator, vm: string, host: string): void {
  const from = sim.db.get<{ resident_on: string }>('VM', vm).resident_on;
  sim.db.update('VM', vm, {
    resident_on: host,
    scheduled_to_be_resident_on: NULL_REF,
    domid: allocateDomid(sim, host),
  });
  domainMoved(sim, vm, from, host);
}

/**
 * The domain is gone: XAPI's force_state_reset. Residency and domid cleared, devices
 * detached, consoles removed, the guest agent no longer live.
 */
export function destroyDomain(sim: Simulator, vm: string, powerState: 'Halted' | 'Suspended' = 'Halted'): void {
  const record = sim.db.get<{
    metrics: string;
    guest_metrics: string;
    VBDs: string[];
    VIFs: string[];
    consoles: string[];
    resident_on: string;
  }>('VM', vm);
  for (const console of record.consoles) sim.db.delete('console', console);
  for (const vbd of record.VBDs) sim.db.update('VBD', vbd, { currently_attached: false });
  for (const vif of record.VIFs) sim.db.update('VIF', vif, { currently_attached: false });
  if (sim.db.has('VM_metrics', record.metrics)) {
    sim.db.update('VM_metrics', record.metrics, {
      memory_actual: 0,
      VCPUs_number: 0,
      last_updated: xapiDatetime(sim.clock.now()),
    });
  }
  if (record.guest_metrics !== NULL_REF && sim.db.has('VM_guest_metrics', record.guest_metrics)) {
    sim.db.update('VM_guest_metrics', record.guest_metrics, { live: false });
  }
  sim.db.update('VM', vm, {
    power_state: powerState,
    resident_on: NULL_REF,
    scheduled_to_be_resident_on: NULL_REF,
    domid: -1,
  });
  generations.get(sim)?.delete(vm);
  clearGuestEvents(sim, vm);
  domainDestroyed(sim, vm, record.resident_on);
}
