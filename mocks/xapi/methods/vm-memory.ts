/**
 * A VM's memory and vCPU settings: the dynamic range (live on a running VM), the static
 * range and all four limits (halted), the vCPU counts and vCPU hotplug. Each looks up
 * the VM (HANDLE_INVALID when it does not exist) and runs the simulator's operation;
 * the messages that have no async form still run under a task of their own, as xen-api
 * runs every operation.
 */
import { withInternalTask } from '../../sim/internal-tasks';
import type { Simulator } from '../../sim/simulator';
import {
  setMemory,
  setMemoryDynamicRange,
  setMemoryLimits,
  setMemoryStaticRange,
  setMemoryTargetLive,
  waitMemoryTargetLive,
} from '../../sim/vm-memory';
import { setVcpusAtStartup, setVcpusMax, setVcpusNumberLive } from '../../sim/vm-vcpus';
import type { CallContext, MethodTable } from '../registry';
import { taskOf, vmRef } from './vm';

type Vm = {
  memory_static_min: number;
  memory_static_max: number;
  memory_dynamic_min: number;
  memory_dynamic_max: number;
};

const memoryOf = (sim: Simulator, vm: string) => sim.db.get<Vm>('VM', vmRef(sim, vm));

/** A message without an async form, run under an internal task for with_vm_operation. */
const underTask =
  <A extends unknown[]>(run: (sim: Simulator, task: string, vm: string, ...args: A) => Promise<void>) =>
  ({ sim, session, method }: CallContext, vm: string, ...args: A) =>
    withInternalTask(sim, method, session, (task) => run(sim, task, vmRef(sim, vm), ...args));

export const vmMemoryMethods: MethodTable = {
  'VM.set_memory_dynamic_range': (ctx: CallContext, vm: string, min: number, max: number) =>
    setMemoryDynamicRange(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), min, max),
  // message_forwarding.ml turns these into set_memory_dynamic_range with the other bound from the database.
  'VM.set_memory_dynamic_min': underTask((sim, task, vm, value: number) =>
    setMemoryDynamicRange(sim, task, vm, value, memoryOf(sim, vm).memory_dynamic_max),
  ),
  'VM.set_memory_dynamic_max': underTask((sim, task, vm, value: number) =>
    setMemoryDynamicRange(sim, task, vm, memoryOf(sim, vm).memory_dynamic_min, value),
  ),
  'VM.set_memory_static_range': (ctx: CallContext, vm: string, min: number, max: number) =>
    setMemoryStaticRange(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), min, max),
  'VM.set_memory_static_min': underTask((sim, task, vm, value: number) =>
    setMemoryStaticRange(sim, task, vm, value, memoryOf(sim, vm).memory_static_max),
  ),
  'VM.set_memory_static_max': underTask((sim, task, vm, value: number) =>
    setMemoryStaticRange(sim, task, vm, memoryOf(sim, vm).memory_static_min, value),
  ),
  'VM.set_memory_limits': (
    ctx: CallContext,
    vm: string,
    staticMin: number,
    staticMax: number,
    dynamicMin: number,
    dynamicMax: number,
  ) => setMemoryLimits(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), { staticMin, dynamicMin, dynamicMax, staticMax }),
  'VM.set_memory': (ctx: CallContext, vm: string, value: number) =>
    setMemory(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), value),
  'VM.set_memory_target_live': (ctx: CallContext, vm: string) =>
    setMemoryTargetLive(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm)),
  'VM.wait_memory_target_live': (ctx: CallContext, vm: string) =>
    waitMemoryTargetLive(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm)),
  // Deprecated; xen-api's answer no longer depends on the guest.
  'VM.get_cooperative': ({ sim }: CallContext, vm: string) => {
    vmRef(sim, vm);
    return true;
  },
  'VM.set_VCPUs_max': underTask((sim, task, vm, value: number) => setVcpusMax(sim, task, vm, value)),
  'VM.set_VCPUs_at_startup': ({ sim }: CallContext, vm: string, value: number) =>
    setVcpusAtStartup(sim, vmRef(sim, vm), value),
  'VM.set_VCPUs_number_live': (ctx: CallContext, vm: string, count: number) =>
    setVcpusNumberLive(ctx.sim, taskOf(ctx), vmRef(ctx.sim, vm), count),
};
