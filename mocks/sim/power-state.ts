/**
 * Power-state changes as xen-api applies them: every change goes through here so that
 * allowed_operations is recomputed with it (force_state_reset in
 * ocaml/xapi/xapi_vm_lifecycle.ml), and a booting guest's agent reports in once its OS
 * is up.
 */
import { NULL_REF } from './db';
import {
  createDomain,
  destroyDomain,
  domainGeneration,
  guestOf,
  moveDomain,
  reportGuestAgent,
  restartDomain,
} from './domains';
import { domainDestroyed, driverMayRun } from './memory-balancer';
import { opErrorAsSent, raise } from './operation-error';
import type { Simulator } from './simulator';
import { type PowerState, updateVmAllowedOperations } from './vm-operations';

/** How often a paused guest's pending boot looks again whether it may run. */
const PAUSED_RECHECK_MS = 1_000;

/**
 * The guest agent reports after the OS boots (guest.bootMs), if the same domain is still
 * there; a paused domain's OS makes no progress, so the report waits for it to run.
 */
export function scheduleGuestAgent(sim: Simulator, vm: string, afterMs = guestOf(sim, vm).bootMs): void {
  const generation = domainGeneration(sim, vm);
  const report = () => {
    if (!sim.db.has('VM', vm) || domainGeneration(sim, vm) !== generation) return;
    if (sim.db.get<{ power_state: string }>('VM', vm).power_state !== 'Running') {
      sim.clock.schedule(PAUSED_RECHECK_MS, report);
      return;
    }
    reportGuestAgent(sim, vm);
    updateVmAllowedOperations(sim.db, vm);
  };
  sim.clock.schedule(afterMs, report);
}

/**
 * Before an operation's last step: its domain may have gone meanwhile (the host went
 * down under it), and then the step fails as xenopsd reports it.
 */
export function assertPowerState(sim: Simulator, vm: string, allowed: PowerState[]): void {
  const actual = sim.db.get<{ power_state: PowerState }>('VM', vm).power_state;
  if (!allowed.includes(actual)) {
    raise(
      opErrorAsSent('VM_BAD_POWER_STATE', vm, allowed.map((s) => s.toLowerCase()).join(', '), actual.toLowerCase()),
    );
  }
}

/** A domain is built on `host` holding `memoryBytes`, and the guest starts booting. */
export function bootDomain(
  sim: Simulator,
  vm: string,
  host: string,
  options: { paused: boolean; memoryBytes: number; agentAfterMs?: number },
): void {
  createDomain(sim, vm, host, { paused: options.paused, memoryBytes: options.memoryBytes });
  updateVmAllowedOperations(sim.db, vm);
  scheduleGuestAgent(sim, vm, options.agentAfterMs);
}

/** A reboot: the domain is rebuilt in place and the guest boots again. */
export function rebootDomain(sim: Simulator, vm: string): void {
  restartDomain(sim, vm);
  updateVmAllowedOperations(sim.db, vm);
  scheduleGuestAgent(sim, vm);
}

/** A completed migration: the domain runs on `host`. */
export function migrateDomain(sim: Simulator, vm: string, host: string): void {
  moveDomain(sim, vm, host);
  updateVmAllowedOperations(sim.db, vm);
}

export function setPaused(sim: Simulator, vm: string, paused: boolean): void {
  sim.db.update('VM', vm, { power_state: paused ? 'Paused' : 'Running' });
  updateVmAllowedOperations(sim.db, vm);
  // A paused guest's balloon driver cannot run; once unpaused it answers its target again.
  if (!paused) driverMayRun(sim, vm);
}

/**
 * force_state_reset to Halted or Suspended: a live domain is torn down; a VM without
 * one just changes state (on the way to Halted its devices are marked detached).
 */
export function resetPowerState(sim: Simulator, vm: string, state: 'Halted' | 'Suspended'): void {
  const { power_state, VBDs, VIFs, resident_on } = sim.db.get<{
    power_state: string;
    VBDs: string[];
    VIFs: string[];
    resident_on: string;
  }>('VM', vm);
  if (power_state === 'Running' || power_state === 'Paused') {
    destroyDomain(sim, vm, state);
  } else {
    if (state === 'Halted') {
      for (const vbd of VBDs) sim.db.update('VBD', vbd, { currently_attached: false });
      for (const vif of VIFs) sim.db.update('VIF', vif, { currently_attached: false });
    }
    sim.db.update('VM', vm, {
      power_state: state,
      resident_on: NULL_REF,
      scheduled_to_be_resident_on: NULL_REF,
      domid: -1,
    });
    // A checkpoint's suspended domain still held its memory until now.
    domainDestroyed(sim, vm, resident_on);
  }
  updateVmAllowedOperations(sim.db, vm);
}
