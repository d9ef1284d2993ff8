/**
 * Sending a memory change, each step as an Async call the task panel shows:
 * - a range on a running or halted VM: VM.set_memory_dynamic_range;
 * - all four limits on a halted VM: VM.set_memory_limits;
 * - one fixed size on a halted VM: VM.set_memory;
 * - static values on a running VM, which XAPI only changes while it is halted: shut it
 *   down, set the limits, and start it again on the host it ran on (VM.start_on). It is
 *   started again even when the change failed, so a refused value never leaves the VM off.
 * The event stream brings the new values; nothing here touches the mirror.
 */
import { awaitTask } from '../../../queries/actions/await-task';
import { getConnection } from '../../../store/connections';
import type { Ref } from '../../../xapi/model/types';
import type { MemoryLimits } from '../../../xapi/rules/memory';
import { XapiError } from '../../../xapi/xapi-error';

export type MemoryChange =
  | { kind: 'dynamic'; limits: MemoryLimits }
  | { kind: 'limits'; limits: MemoryLimits }
  | { kind: 'fixed'; bytes: number }
  /** `cleanly`: the guest can shut itself down; otherwise it is forced off, as the person agreed. */
  | { kind: 'restart'; limits: MemoryLimits; host: Ref<'host'>; cleanly: boolean };

/**
 * reserve_memory_for_dynamic_change (message_forwarding.ml) sends HOST_NOT_ENOUGH_FREE_MEMORY
 * in KiB, where every other call sends bytes: turned into bytes, the error reads right
 * wherever the console puts it in words.
 */
function reservationErrorInBytes(error: unknown): unknown {
  if (!(error instanceof XapiError) || error.code !== 'HOST_NOT_ENOUGH_FREE_MEMORY') return error;
  return new XapiError(
    error.code,
    error.params.map((kib) => (/^\d+$/.test(kib) ? String(Number(kib) * 1024) : kib)),
  );
}

async function run(poolId: string, started: Promise<Ref<'task'>>): Promise<void> {
  await awaitTask(poolId, await started);
}

async function restart(poolId: string, vm: Ref<'VM'>, change: Extract<MemoryChange, { kind: 'restart' }>) {
  const pool = getConnection(poolId);
  const { staticMin, staticMax, dynamicMin, dynamicMax } = change.limits;
  await run(poolId, change.cleanly ? pool.callAsync('VM.clean_shutdown', vm) : pool.callAsync('VM.hard_shutdown', vm));
  let refused: unknown;
  try {
    await run(poolId, pool.callAsync('VM.set_memory_limits', vm, staticMin, staticMax, dynamicMin, dynamicMax));
  } catch (error) {
    refused = error;
  }
  // A failed start is the more urgent news (the VM is off); a refused change stays in the task panel.
  await run(poolId, pool.callAsync('VM.start_on', vm, change.host, false, false));
  if (refused !== undefined) throw refused;
}

export async function applyMemoryChange(poolId: string, vm: Ref<'VM'>, change: MemoryChange): Promise<void> {
  const pool = getConnection(poolId);
  switch (change.kind) {
    case 'dynamic':
      return run(
        poolId,
        pool.callAsync('VM.set_memory_dynamic_range', vm, change.limits.dynamicMin, change.limits.dynamicMax),
      ).catch((error: unknown) => {
        throw reservationErrorInBytes(error);
      });
    case 'limits': {
      const { staticMin, staticMax, dynamicMin, dynamicMax } = change.limits;
      return run(poolId, pool.callAsync('VM.set_memory_limits', vm, staticMin, staticMax, dynamicMin, dynamicMax));
    }
    case 'fixed':
      return run(poolId, pool.callAsync('VM.set_memory', vm, change.bytes));
    case 'restart':
      return restart(poolId, vm, change);
  }
}
