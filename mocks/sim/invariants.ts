/**
 * What must hold in every simulator state, whatever calls led there: memory constraints
 * in order, no host's accounted memory above its RAM (as XAPI counts it, and as Xen
 * really holds it), squeezed's view of each host matching the database, guests without
 * tools at their static maximum, power state agreeing with
 * residency and domains, no ref pointing at a deleted object, reverse sets matching
 * forward refs, and allowed_operations equal to a fresh computation. Tests call
 * `invariantViolations` after driving the simulator; an empty list means all hold.
 */
import type { XapiType } from '../../src/xapi/model/schema';
import type { XapiRecord } from '../../src/xapi/model/types';
import { NULL_REF } from './db';
import { computeHostAllowedOperations } from './host-operations';
import { hostMemoryTotal, hostMemoryUsed } from './memory';
import { hostPhysicalFree } from './memory-balancer';
import { isHostLive } from './placement';
import { RELATIONS } from './relations';
import type { Simulator } from './simulator';
import { memoryModelDrift } from './squeezed-view';
import { computeVmAllowedOperations } from './vm-operations';

type Vm = XapiRecord<'VM'>;

/**
 * xen-api leaves these pointing at deleted objects on purpose: VM.destroy keeps its
 * snapshots' snapshot_of (VM.revert then recreates the VM), and VDI.destroy keeps its
 * snapshots' snapshot_of.
 */
const MAY_DANGLE = new Set(['VM.snapshot_of', 'VDI.snapshot_of']);

function memoryOrder(sim: Simulator, out: string[]) {
  for (const row of sim.db.rows('VM')) {
    const vm = row.record as unknown as Vm;
    const { memory_static_min: smin, memory_dynamic_min: dmin, memory_dynamic_max: dmax, memory_static_max: smax } = vm;
    if (!(smin <= dmin && dmin <= dmax && dmax <= smax)) {
      out.push(`VM ${vm.name_label}: memory out of order ${smin} ≤ ${dmin} ≤ ${dmax} ≤ ${smax}`);
    }
  }
}

function hostMemory(sim: Simulator, out: string[]) {
  for (const host of sim.db.refs('host')) {
    const used = hostMemoryUsed(sim.db, host);
    const total = hostMemoryTotal(sim.db, host);
    // A running control domain may be given more memory than its host has; xapi counts it
    // at once, and the host finds out when the domain reboots.
    const pendingReboot = sim.db
      .get<XapiRecord<'host'>>('host', host)
      .resident_VMs.some((vm) => sim.db.get<Vm>('VM', vm).requires_reboot);
    if (used > total && !pendingReboot) out.push(`host ${host}: ${used} bytes accounted on ${total}`);
    // What Xen really has: domains' pages and squeezed's reservations never exceed the RAM.
    const free = hostPhysicalFree(sim, host);
    if (isHostLive(sim.db, host) && free < 0)
      out.push(`host ${host}: physical memory over-committed by ${-free} bytes`);
  }
}

/** A guest without a balloon driver holds its static maximum for as long as it runs. */
function toolsLessGuests(sim: Simulator, out: string[]) {
  for (const row of sim.db.rows('VM')) {
    const vm = row.record as unknown as Vm;
    if (vm.power_state !== 'Running' || vm.is_control_domain || sim.guests.get(row.ref)?.hasTools !== false) continue;
    const actual = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', vm.metrics)?.memory_actual;
    if (actual !== vm.memory_static_max) out.push(`VM ${vm.name_label}: no balloon driver, yet holds ${actual} bytes`);
  }
}

/** A checkpoint suspends the VM while it stays resident on its host (force_state_reset). */
const inCheckpoint = (vm: Vm) =>
  vm.power_state === 'Suspended' && Object.values(vm.current_operations).includes('checkpoint');

function powerStates(sim: Simulator, out: string[]) {
  const db = sim.db;
  for (const row of db.rows('VM')) {
    const vm = row.record as unknown as Vm;
    const name = `VM ${vm.name_label} (${vm.power_state})`;
    if (vm.power_state === 'Running' || vm.power_state === 'Paused') {
      if (!isHostLive(db, vm.resident_on)) out.push(`${name}: not resident on a live host`);
      if (vm.domid < 0) out.push(`${name}: domid ${vm.domid}`);
      const metrics = db.find<XapiRecord<'VM_metrics'>>('VM_metrics', vm.metrics);
      if (!metrics || metrics.VCPUs_number < 1 || metrics.memory_actual <= 0)
        out.push(`${name}: VM_metrics show no domain`);
    } else if (!inCheckpoint(vm) && (vm.resident_on !== NULL_REF || vm.domid !== -1)) {
      out.push(`${name}: resident_on ${vm.resident_on}, domid ${vm.domid}`);
    }
    if (vm.scheduled_to_be_resident_on !== NULL_REF && Object.keys(vm.current_operations).length === 0) {
      out.push(`${name}: scheduled to a host with no operation in progress`);
    }
  }
}

function refsIn(type: XapiType, value: unknown): [string, string][] {
  if (type.kind === 'ref') return [[type.cls, String(value)]];
  if (type.kind === 'set' && Array.isArray(value)) return value.flatMap((v) => refsIn(type.of, v));
  if (type.kind === 'map' && value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [...refsIn(type.key, k), ...refsIn(type.value, v)]);
  }
  return [];
}

function danglingRefs(sim: Simulator, out: string[]) {
  const db = sim.db;
  for (const cls of db.tableNames) {
    const fields = db.schema.classes.get(cls)!.fields.filter((f) => !MAY_DANGLE.has(`${cls}.${f.name}`));
    for (const row of db.rows(cls)) {
      for (const field of fields) {
        for (const [target, ref] of refsIn(field.type, row.record[field.name])) {
          if (ref !== NULL_REF && !db.has(target, ref))
            out.push(`${cls} ${row.ref}.${field.name} → deleted ${target} ${ref}`);
        }
      }
    }
  }
}

function reverseSets(sim: Simulator, out: string[]) {
  const db = sim.db;
  for (const r of RELATIONS) {
    const expected = new Map<string, Set<string>>();
    for (const row of db.rows(r.cls)) {
      const owner = row.record[r.field] as string;
      if (!expected.has(owner)) expected.set(owner, new Set());
      expected.get(owner)!.add(row.ref);
    }
    for (const row of db.rows(r.owner)) {
      const actual = row.record[r.set] as string[];
      const want = expected.get(row.ref) ?? new Set();
      if (actual.length !== want.size || actual.some((m) => !want.has(m)))
        out.push(`${r.owner} ${row.ref}.${r.set} out of step`);
    }
  }
}

function allowedOperations(sim: Simulator, out: string[]) {
  const db = sim.db;
  for (const row of db.rows('VM')) {
    const stored = (row.record as unknown as Vm).allowed_operations.join(',');
    const fresh = computeVmAllowedOperations(db, row.ref).join(',');
    if (stored !== fresh) out.push(`VM ${row.record.name_label}: allowed_operations [${stored}], expected [${fresh}]`);
  }
  for (const row of db.rows('host')) {
    const stored = (row.record as unknown as XapiRecord<'host'>).allowed_operations.join(',');
    const fresh = computeHostAllowedOperations(db, row.ref).join(',');
    if (stored !== fresh)
      out.push(`host ${row.record.name_label}: allowed_operations [${stored}], expected [${fresh}]`);
  }
}

/** Every invariant that does not hold, described; empty when the state is sound. */
export function invariantViolations(sim: Simulator): string[] {
  const out: string[] = [];
  memoryOrder(sim, out);
  hostMemory(sim, out);
  out.push(...memoryModelDrift(sim));
  toolsLessGuests(sim, out);
  powerStates(sim, out);
  danglingRefs(sim, out);
  reverseSets(sim, out);
  allowedOperations(sim, out);
  return out;
}
