/**
 * The VMs chosen for one memory edit, judged together: they must share one pool and
 * one set of memory values, and each must be a VM whose range can be edited (not a
 * snapshot, not a control domain, able to balloon if it runs).
 */
import type { PoolMirror } from '../../../store/mirror-store';
import type { XapiRecord } from '../../../xapi/model/types';
import { dynamicMemoryUnavailable, limitsOf, type MemoryLimits, sameLimits } from '../../../xapi/rules/memory';

export interface BulkMember {
  ref: string;
  vm: XapiRecord<'VM'>;
  metrics?: XapiRecord<'VM_metrics'>;
  guestMetrics?: XapiRecord<'VM_guest_metrics'>;
}

export type BulkProblem =
  | { code: 'missing' }
  | { code: 'several-pools' }
  | { code: 'different-settings' }
  /** One of the VMs cannot have its range edited; `name` says which. */
  | { code: 'not-editable'; name: string };

export type BulkVerdict =
  | { ok: true; members: BulkMember[]; limits: MemoryLimits; pool: XapiRecord<'pool'> }
  | { ok: false; problem: BulkProblem };

export function bulkMembers(objects: PoolMirror['objects'] | undefined, refs: readonly string[]): BulkVerdict {
  const pool = Object.values(objects?.pool ?? {})[0];
  if (!objects || !pool || refs.length === 0) return { ok: false, problem: { code: 'missing' } };
  const members: BulkMember[] = [];
  for (const ref of refs) {
    const vm = objects.VM?.[ref];
    if (!vm) return { ok: false, problem: { code: 'missing' } };
    const member = {
      ref,
      vm,
      metrics: objects.VM_metrics?.[vm.metrics],
      guestMetrics: objects.VM_guest_metrics?.[vm.guest_metrics],
    };
    if (dynamicMemoryUnavailable(vm, { pool, ...member }) !== undefined) {
      return { ok: false, problem: { code: 'not-editable', name: vm.name_label } };
    }
    members.push(member);
  }
  const limits = limitsOf(members[0].vm);
  if (!members.every((member) => sameLimits(limitsOf(member.vm), limits))) {
    return { ok: false, problem: { code: 'different-settings' } };
  }
  return { ok: true, members, limits, pool };
}
