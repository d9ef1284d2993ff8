/**
 * Host actions and memory queries. Each first looks up the host it names
 * (HANDLE_INVALID when it does not exist), then asks the simulator.
 */
import { NULL_REF } from '../../sim/db';
import { assertCanEvacuate, evacuateHost, vmsPreventingEvacuation } from '../../sim/evacuation';
import { disableHost, enableHost, powerOffHost, powerOnHost, setPowerOnMode } from '../../sim/host-power';
import { hostFreeMemory } from '../../sim/memory';
import type { CallContext, MethodTable } from '../registry';
import { hostRef, taskOf } from './vm';

export const hostMethods: MethodTable = {
  'host.disable': ({ sim }: CallContext, host: string, autoEnable = true) =>
    disableHost(sim, hostRef(sim, host), autoEnable),
  'host.enable': (ctx: CallContext, host: string) => enableHost(ctx.sim, taskOf(ctx), hostRef(ctx.sim, host)),
  'host.evacuate': (ctx: CallContext, host: string, network: string = NULL_REF, batchSize = 0) =>
    evacuateHost(ctx.sim, taskOf(ctx), hostRef(ctx.sim, host), network, batchSize),
  'host.reboot': (ctx: CallContext, host: string) => powerOffHost(ctx.sim, taskOf(ctx), hostRef(ctx.sim, host), true),
  'host.shutdown': (ctx: CallContext, host: string) =>
    powerOffHost(ctx.sim, taskOf(ctx), hostRef(ctx.sim, host), false),
  'host.power_on': (ctx: CallContext, host: string) => powerOnHost(ctx.sim, taskOf(ctx), hostRef(ctx.sim, host)),
  'host.set_power_on_mode': ({ sim }: CallContext, host: string, mode: string, config: Record<string, string>) =>
    setPowerOnMode(sim, hostRef(sim, host), mode, config),
  'host.compute_free_memory': ({ sim }: CallContext, host: string) => hostFreeMemory(sim.db, hostRef(sim, host)),
  'host.compute_memory_overhead': ({ sim }: CallContext, host: string) =>
    sim.db.get<{ memory_overhead: number }>('host', hostRef(sim, host)).memory_overhead,
  'host.get_vms_which_prevent_evacuation': ({ sim }: CallContext, host: string) =>
    Object.fromEntries(vmsPreventingEvacuation(sim.db, hostRef(sim, host))),
  'host.assert_can_evacuate': ({ sim }: CallContext, host: string) => assertCanEvacuate(sim.db, hostRef(sim, host)),
  // Deprecated; xen-api answers an empty list whatever squeezed thinks of the guests.
  'host.get_uncooperative_resident_VMs': ({ sim }: CallContext, host: string) => {
    hostRef(sim, host);
    return [];
  },
};
