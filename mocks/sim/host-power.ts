/**
 * Host actions (ocaml/xapi/xapi_host.ml, message_forwarding.ml): disable, enable,
 * reboot, shutdown, power_on and set_power_on_mode. A reboot or shutdown returns at
 * once and leaves a `shutdown` entry in current_operations (even for a reboot: xen-api
 * records that operation for both); ten seconds later the host empties itself as
 * xapi-domains does on the way down (guests that cannot leave are shut down, the rest
 * evacuated), goes offline, and a rebooting host comes back after its boot time.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { NULL_REF } from './db';
import { createDomain } from './domains';
import { evacuateHost, vmsPreventingEvacuation } from './evacuation';
import { fail } from './failure';
import { updateHostAllowedOperations, withHostOperation } from './host-operations';
import { withInternalTask } from './internal-tasks';
import { isHostLive } from './placement';
import { resetPowerState } from './power-state';
import type { Simulator } from './simulator';
import { cleanShutdownVm, hardShutdownVm } from './vm-lifecycle';
import { updateVmAllowedOperations } from './vm-operations';

type Host = XapiRecord<'host'>;

/** shutdown_and_reboot_common runs `shutdown -h/-r now` after this delay, so the call can return first. */
const POWER_OFF_DELAY_MS = 10_000;
/** The power-on plugin (IPMI, Wake-on-LAN, iLO) answering. */
const POWER_ON_PLUGIN_MS = 3_000;

/**
 * What each host keeps in its local database rather than in xapi's:
 * host_disabled_until_reboot (going down, may not be re-enabled) and
 * host_auto_enable=false (disabled by a user who asked it to stay so across reboots).
 */
interface LocalDb {
  goingDown: Set<string>;
  stayDisabled: Set<string>;
}
const localDbs = new WeakMap<Simulator, LocalDb>();

function localDb(sim: Simulator): LocalDb {
  const db = localDbs.get(sim) ?? { goingDown: new Set<string>(), stayDisabled: new Set<string>() };
  localDbs.set(sim, db);
  return db;
}

/** Calls that xen-api forwards to the host itself fail this way while it is off. */
function assertReachable(sim: Simulator, host: string): void {
  if (!isHostLive(sim.db, host)) fail('HOST_OFFLINE', host);
}

/** host.disable: no new VMs may start here; a no-op on a disabled host. */
export function disableHost(sim: Simulator, host: string, autoEnable: boolean): void {
  assertReachable(sim, host);
  if (sim.db.get<Host>('host', host).enabled) {
    sim.db.update('host', host, { enabled: false });
    if (!autoEnable) localDb(sim).stayDisabled.add(host);
  }
  updateHostAllowedOperations(sim.db, host);
}

/** host.enable: a no-op on an enabled host; refused while the host is on its way down. */
export async function enableHost(sim: Simulator, task: string, host: string): Promise<void> {
  await withHostOperation(sim, host, task, 'enable', () => {
    assertReachable(sim, host);
    if (sim.db.get<Host>('host', host).enabled) return;
    if (localDb(sim).goingDown.has(host)) fail('HOST_DISABLED_UNTIL_REBOOT', host);
    localDb(sim).stayDisabled.delete(host);
    sim.db.update('host', host, { enabled: true });
  });
  updateHostAllowedOperations(sim.db, host);
}

/** host.reboot / host.shutdown: the host must be disabled first (HOST_NOT_DISABLED). */
export async function powerOffHost(sim: Simulator, task: string, host: string, reboot: boolean): Promise<void> {
  await withHostOperation(sim, host, task, reboot ? 'reboot' : 'shutdown', () => {
    assertReachable(sim, host);
    const label = reboot ? 'Host is rebooting' : 'Host is shutting down';
    const session = sim.db.get<{ session: string }>('task', task).session;
    // exec_with_new_task: a subtask that marks the host as going down, destroyed when the call returns.
    const marker = sim.tasks.create(label, session, label);
    sim.db.update('task', marker, { subtask_of: task });
    const current = sim.db.get<Host>('host', host).current_operations;
    sim.db.update('host', host, { current_operations: { ...current, [marker]: 'shutdown' } });
    sim.db.delete('task', marker);
    localDb(sim).goingDown.add(host);
    sim.clock.schedule(POWER_OFF_DELAY_MS, () => void goDown(sim, host, reboot, session));
  });
}

function runningGuests(sim: Simulator, host: string): string[] {
  return sim.db.get<Host>('host', host).resident_VMs.filter((vm) => {
    const r = sim.db.get<XapiRecord<'VM'>>('VM', vm);
    return !r.is_control_domain && r.power_state === 'Running';
  });
}

/** Vm_evacuation.ensure_no_vms' shutdown: clean where the VM allows it, then hard for whatever still runs. */
async function shutDownGuests(sim: Simulator, vms: string[], session: string): Promise<void> {
  const allows = (vm: string) =>
    sim.db.find<XapiRecord<'VM'>>('VM', vm)?.allowed_operations.includes('clean_shutdown') ?? false;
  const attempt = (label: string, run: (task: string, vm: string) => Promise<void>) => (vm: string) =>
    withInternalTask(sim, label, session, (t) => run(t, vm)).catch(() => undefined);
  await Promise.all(vms.filter(allows).map(attempt('Async.VM.clean_shutdown', (t, vm) => cleanShutdownVm(sim, t, vm))));
  const live = vms.filter((vm) =>
    ['Running', 'Paused'].includes(sim.db.find<XapiRecord<'VM'>>('VM', vm)?.power_state ?? ''),
  );
  await Promise.all(live.map(attempt('Async.VM.hard_shutdown', (t, vm) => hardShutdownVm(sim, t, vm))));
}

/** ensure_no_vms, then the host is off: its control domain gone, host_metrics.live false. */
async function goDown(sim: Simulator, host: string, reboot: boolean, session: string): Promise<void> {
  const db = sim.db;
  await shutDownGuests(sim, [...vmsPreventingEvacuation(db, host).keys()], session);
  await withInternalTask(sim, 'Async.host.evacuate', session, (t) => evacuateHost(sim, t, host, NULL_REF, 0)).catch(
    () => undefined,
  );
  await shutDownGuests(sim, runningGuests(sim, host), session);
  // Whatever is still there dies with the host (xen-api resets VMs of a dead host to Halted).
  for (const vm of db.get<Host>('host', host).resident_VMs) resetPowerState(sim, vm, 'Halted');
  db.update('host_metrics', db.get<Host>('host', host).metrics, { live: false });
  updateHostAllowedOperations(db, host);
  if (reboot) sim.clock.schedule(sim.hardware.get(host)?.bootMs ?? 0, () => comeUp(sim, host));
}

/** xapi starts on the host: live again, enabled (unless told to stay disabled), no operations pending, dom0 running as domid 0. */
function comeUp(sim: Simulator, host: string): void {
  const db = sim.db;
  if (isHostLive(db, host)) return;
  localDb(sim).goingDown.delete(host);
  db.update('host_metrics', db.get<Host>('host', host).metrics, { live: true });
  db.update('host', host, { enabled: !localDb(sim).stayDisabled.has(host), current_operations: {} });
  const dom0 = db.get<Host>('host', host).control_domain;
  if (db.has('VM', dom0)) {
    sim.nextDomid.set(host, 0);
    createDomain(sim, dom0, host);
    updateVmAllowedOperations(db, dom0);
  }
  updateHostAllowedOperations(db, host);
}

/** host.power_on: needs a power_on_mode and an offline host; the host boots once the plugin has answered. */
export async function powerOnHost(sim: Simulator, task: string, host: string): Promise<void> {
  await withHostOperation(sim, host, task, 'power_on', async () => {
    await sim.tasks.progress(task, POWER_ON_PLUGIN_MS);
    sim.clock.schedule(sim.hardware.get(host)?.bootMs ?? 0, () => comeUp(sim, host));
  });
}

/** host.set_power_on_mode: how power_on reaches the host ("" disables it). */
export function setPowerOnMode(sim: Simulator, host: string, mode: string, config: Record<string, string>): void {
  sim.db.update('host', host, { power_on_mode: mode, power_on_config: config });
  updateHostAllowedOperations(sim.db, host);
}
