/**
 * Sending vCPU changes: a running VM's count with the Async hotplug call (a task in the
 * panel), a halted VM's maximum and startup count with the two synchronous setters, in
 * the order that keeps at_startup ≤ max true after each call.
 */
import { awaitTask } from '../../../queries/actions/await-task';
import { getConnection } from '../../../store/connections';
import type { Ref } from '../../../xapi/model/types';
import { type VcpuCounts, vcpuCountCalls } from '../../../xapi/rules/vcpus';

export async function setLiveVcpus(poolId: string, vm: Ref<'VM'>, count: number): Promise<void> {
  await awaitTask(poolId, await getConnection(poolId).callAsync('VM.set_VCPUs_number_live', vm, count));
}

export async function setVcpuCounts(poolId: string, vm: Ref<'VM'>, current: VcpuCounts, next: VcpuCounts) {
  const pool = getConnection(poolId);
  for (const call of vcpuCountCalls(current, next)) {
    if (call === 'max') await pool.call('VM.set_VCPUs_max', vm, next.max);
    else await pool.call('VM.set_VCPUs_at_startup', vm, next.atStartup);
  }
}
