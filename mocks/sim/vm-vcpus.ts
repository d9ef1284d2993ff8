/**
 * A VM's vCPU counts as xen-api changes them (xapi_vm.ml, message_forwarding.ml,
 * xapi_xenops.ml's set_vcpus and xenopsd's VM_set_vcpus): VCPUs_max while halted,
 * VCPUs_at_startup at any time, and vCPUs plugged into or out of a running guest, which
 * its kernel notices (guest-log.ts).
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { fail } from './failure';
import { recordGuestEvent } from './guest-log';
import { opError, raise } from './operation-error';
import { assertPowerState } from './power-state';
import type { Simulator } from './simulator';
import { poolFeatureEnabled, updateMemoryOverhead } from './vm-memory';
import { withVmOperation } from './vm-operations';

type Vm = XapiRecord<'VM'>;

/** The INVALID_VALUE texts xen-api sends for vCPU counts. */
const AT_STARTUP_RULE = 'VCPU values must satisfy: 0 < VCPUs_at_startup ≤ VCPUs_max';
const LIVE_RULE = 'VCPU values must satisfy: 0 < VCPUs ≤ VCPUs_max';

/** xenopsd writing each vCPU's availability to xenstore and the guest onlining it. */
const HOTPLUG_MS = 200;

/** Helpers.is_domain_zero: the control domain its resident host names as its own. */
function isDomainZero(sim: Simulator, ref: string): boolean {
  const vm = sim.db.get<Vm>('VM', ref);
  const host = sim.db.find<XapiRecord<'host'>>('host', vm.resident_on);
  return vm.is_control_domain && host?.control_domain === ref;
}

/** A running control domain takes a new VCPUs_max at its next boot, and says so. */
function flagRebootIfLive(sim: Simulator, ref: string): void {
  const vm = sim.db.get<Vm>('VM', ref);
  if (vm.is_control_domain && vm.power_state === 'Running') sim.db.update('VM', ref, { requires_reboot: true });
}

/** VM.set_VCPUs_max: Halted (dom0 never), at least 1 and at least VCPUs_at_startup. */
export async function setVcpusMax(sim: Simulator, task: string, vm: string, value: number): Promise<void> {
  await withVmOperation(sim, vm, task, 'changing_VCPUs', () => {
    const { VCPUs_at_startup } = sim.db.get<Vm>('VM', vm);
    if (value < 1 || value < VCPUs_at_startup) raise(opError('INVALID_VALUE', AT_STARTUP_RULE, String(value)));
    sim.db.update('VM', vm, { VCPUs_max: value });
    updateMemoryOverhead(sim, vm);
    flagRebootIfLive(sim, vm);
  });
}

/** VM.set_VCPUs_at_startup: no operation and any power state; 1 to VCPUs_max; never dom0. */
export function setVcpusAtStartup(sim: Simulator, vm: string, value: number): void {
  if (isDomainZero(sim, vm)) fail('OPERATION_NOT_ALLOWED', 'set_VCPUs_at_startup is not allowed on dom0');
  const { VCPUs_max } = sim.db.get<Vm>('VM', vm);
  if (value < 1 || value > VCPUs_max) raise(opError('INVALID_VALUE', AT_STARTUP_RULE, String(value)));
  sim.db.update('VM', vm, { VCPUs_at_startup: value });
  updateMemoryOverhead(sim, vm);
}

/**
 * VM.set_VCPUs_number_live: needs the Live_set_vcpus licence feature; xenopsd refuses a
 * count outside 1..VCPUs_max, naming VCPUs_max (not the count asked for). The guest
 * sees vCPUs come or go, and VCPUs_at_startup and VM_metrics.VCPUs_number follow.
 */
export async function setVcpusNumberLive(sim: Simulator, task: string, vm: string, count: number): Promise<void> {
  await withVmOperation(sim, vm, task, 'changing_VCPUs_live', async () => {
    if (!poolFeatureEnabled(sim, 'restrict_set_vcpus_number_live')) fail('LICENCE_RESTRICTION', 'Live_set_vcpus');
    const { VCPUs_max } = sim.db.get<Vm>('VM', vm);
    if (count < 1 || count > VCPUs_max) raise(opError('INVALID_VALUE', LIVE_RULE, String(VCPUs_max)));
    await sim.tasks.progress(task, HOTPLUG_MS);
    assertPowerState(sim, vm, ['Running']);
    const { metrics } = sim.db.get<Vm>('VM', vm);
    const current = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', metrics)?.VCPUs_number ?? count;
    for (let cpu = current; cpu < count; cpu++) recordGuestEvent(sim, vm, { kind: 'vcpu-online', cpu });
    for (let cpu = current - 1; cpu >= count; cpu--) recordGuestEvent(sim, vm, { kind: 'vcpu-offline', cpu });
    sim.db.update('VM', vm, { VCPUs_at_startup: count });
    if (sim.db.has('VM_metrics', metrics)) sim.db.update('VM_metrics', metrics, { VCPUs_number: count });
    updateMemoryOverhead(sim, vm);
  });
}
