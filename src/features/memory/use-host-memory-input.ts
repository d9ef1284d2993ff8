/**
 * A host's memory inputs from the mirror: its total and overhead, and every VM that
 * counts against it (resident, or scheduled to start or arrive there) with its metrics
 * and guest metrics. The selector returns the records themselves, compared one by one,
 * so a component re-renders only when one of them changes, not on every batch.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type ClassTable, type PoolMirror, useMirror } from '../../store/mirror-store';
import type { XapiRecord } from '../../xapi/model/types';
import { NULL_REF } from '../../xapi/refs';
import type { HostGuest, HostMemoryInput } from '../../xapi/rules/host-memory';

type Vm = XapiRecord<'VM'>;

const scheduledIndexes = new WeakMap<ClassTable<'VM'>, ReadonlyMap<string, readonly string[]>>();

/** VMs scheduled to each host, built once per version of the VM table and shared by every host's bar. */
function scheduledTo(table: ClassTable<'VM'>, host: string): readonly string[] {
  let index = scheduledIndexes.get(table);
  if (!index) {
    const byHost = new Map<string, string[]>();
    for (const ref in table) {
      const target = table[ref].scheduled_to_be_resident_on;
      if (target === NULL_REF || target === table[ref].resident_on) continue;
      const list = byHost.get(target);
      if (list) list.push(ref);
      else byHost.set(target, [ref]);
    }
    index = byHost;
    scheduledIndexes.set(table, index);
  }
  return index.get(host) ?? [];
}

/** [host, host metrics, then ref, VM, metrics, guest metrics for each VM], for a shallow comparison. */
function useHostRecords(poolId: string, hostRef: string): readonly unknown[] {
  return useMirror(
    useShallow((state) => {
      const objects = state.pools[poolId]?.objects;
      const host = objects?.host?.[hostRef];
      const vms = objects?.VM;
      if (!host || !vms) return [];
      const out: unknown[] = [host, objects.host_metrics?.[host.metrics]];
      for (const ref of [...host.resident_VMs, ...scheduledTo(vms, hostRef)]) {
        const vm = vms[ref];
        if (!vm) continue;
        out.push(ref, vm, objects.VM_metrics?.[vm.metrics], objects.VM_guest_metrics?.[vm.guest_metrics]);
      }
      return out;
    }),
  );
}

/** The same inputs read once from a pool's objects, for code that looks at several hosts at a time. */
export function hostMemoryInputOf(objects: PoolMirror['objects'], hostRef: string): HostMemoryInput | undefined {
  const host = objects.host?.[hostRef];
  const metrics = host && objects.host_metrics?.[host.metrics];
  const vms = objects.VM;
  if (!host || !metrics || !vms) return undefined;
  const guests: HostGuest[] = [];
  for (const ref of [...host.resident_VMs, ...scheduledTo(vms, hostRef)]) {
    const vm = vms[ref];
    if (!vm) continue;
    guests.push({
      ref,
      vm,
      metrics: objects.VM_metrics?.[vm.metrics],
      guestMetrics: objects.VM_guest_metrics?.[vm.guest_metrics],
    });
  }
  return { totalBytes: metrics.memory_total, hostOverheadBytes: host.memory_overhead, guests };
}

/** Undefined until the host and its metrics are in the mirror. */
export function useHostMemoryInput(poolId: string, hostRef: string): HostMemoryInput | undefined {
  const records = useHostRecords(poolId, hostRef);
  return useMemo(() => {
    const host = records[0] as XapiRecord<'host'> | undefined;
    const metrics = records[1] as XapiRecord<'host_metrics'> | undefined;
    if (!host || !metrics) return undefined;
    const guests: HostGuest[] = [];
    for (let i = 2; i < records.length; i += 4) {
      guests.push({
        ref: records[i] as string,
        vm: records[i + 1] as Vm,
        metrics: records[i + 2] as XapiRecord<'VM_metrics'> | undefined,
        guestMetrics: records[i + 3] as XapiRecord<'VM_guest_metrics'> | undefined,
      });
    }
    return { totalBytes: metrics.memory_total, hostOverheadBytes: host.memory_overhead, guests };
  }, [records]);
}
