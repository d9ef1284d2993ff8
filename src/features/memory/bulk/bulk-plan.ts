/**
 * One memory edit for several VMs with the same settings: the rules (the limits once,
 * the pool's strictest ratio, and each host's room for the VMs on it), and for each VM
 * how the change is made and whether it may run now. In bulk a running VM restarts
 * only if it can shut down cleanly: nothing is forced off without a look at each VM.
 */
import type { PoolMirror } from '../../../store/mirror-store';
import type { Ref } from '../../../xapi/model/types';
import { hostFreeMemory } from '../../../xapi/rules/host-memory';
import { canRunPlan, type MemoryPlan, memoryPlan, memoryRatio } from '../../../xapi/rules/memory';
import type { Verdict } from '../../../xapi/rules/verdict';
import { vmCan } from '../../../xapi/rules/vm-can';
import { hostMemoryInputOf } from '../use-host-memory-input';
import type { MemoryChange } from '../vm/apply-memory';
import { headroom, inputChecks, limitChecks, type MemoryCheck, restartFit } from '../vm/memory-checks';
import type { MemoryDraft } from '../vm/memory-draft';
import type { BulkMember } from './bulk-members';

export interface MemberPlan {
  member: BulkMember;
  plan: MemoryPlan;
  verdict: Verdict;
  change: MemoryChange | undefined;
}

export function memberPlans(members: readonly BulkMember[], draft: MemoryDraft): MemberPlan[] {
  const { limits } = draft;
  return members.map((member) => {
    const { vm, guestMetrics } = member;
    const plan = memoryPlan(vm, limits);
    let verdict = canRunPlan(vm, plan);
    if (verdict.enabled && plan === 'restart') verdict = vmCan.cleanShutdown(vm, { guestMetrics });
    let change: MemoryChange | undefined;
    if (plan === 'dynamic' || plan === 'limits') change = { kind: plan, limits };
    if (plan === 'restart') change = { kind: 'restart', limits, host: vm.resident_on as Ref<'host'>, cleanly: true };
    return { member, plan, verdict, change };
  });
}

export function bulkChecks(
  objects: PoolMirror['objects'],
  pool: Parameters<typeof memoryRatio>[0],
  plans: readonly MemberPlan[],
  draft: MemoryDraft,
): MemoryCheck[] {
  const ratio = Math.max(...plans.map(({ member }) => memoryRatio(pool, member.vm)));
  const checks = [...inputChecks(draft), ...limitChecks(draft.limits, ratio)];
  const byHost = new Map<string, MemberPlan[]>();
  for (const plan of plans) {
    if (plan.member.vm.power_state !== 'Running') continue;
    const host = plan.member.vm.resident_on;
    byHost.set(host, [...(byHost.get(host) ?? []), plan]);
  }
  for (const [hostRef, onHost] of byHost) {
    const input = hostMemoryInputOf(objects, hostRef);
    if (!input) continue;
    const host = { name: objects.host?.[hostRef]?.name_label ?? hostRef, freeBytes: hostFreeMemory(input) };
    const [{ member, plan }] = onHost;
    checks.push(
      plan === 'restart'
        ? restartFit(member.vm, draft.limits, host, onHost.length)
        : headroom(member.vm, draft.limits, host, onHost.length),
    );
  }
  return checks;
}
