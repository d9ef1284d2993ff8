/**
 * Host actions of XenCenter's Server menu. Maintenance mode is host.disable followed
 * by host.evacuate (XenAdmin/Actions/HostActions/EvacuateHostAction.cs); reboot and
 * shut down need a disabled host (HOST_NOT_DISABLED), so they enter maintenance mode
 * first when the person agreed to it.
 */
import { getConnection } from '../../store/connections';
import type { Ref, XapiRecord } from '../../xapi/model/types';
import { type HostContext, hostCan } from '../../xapi/rules/host-can';
import type { Verdict } from '../../xapi/rules/verdict';
import type { ActionArgs, HostAction, PoolObjects } from './action';
import { awaitTask } from './await-task';

type Host = XapiRecord<'host'>;

const contextOf = (host: Host, objects: PoolObjects): HostContext => ({
  metrics: objects.host_metrics?.[host.metrics],
});

async function runTask(poolId: string, started: Promise<Ref<'task'>>): Promise<void> {
  await awaitTask(poolId, await started);
}

async function enterMaintenance(poolId: string, host: Ref<'host'>): Promise<void> {
  const pool = getConnection(poolId);
  await runTask(poolId, pool.callAsync('host.disable', host));
  await runTask(poolId, pool.callAsync('host.evacuate', host));
}

function powerOff(method: 'host.reboot' | 'host.shutdown') {
  return async (poolId: string, host: Ref<'host'>, args: ActionArgs) => {
    if (args.enterMaintenanceFirst) await enterMaintenance(poolId, host);
    await runTask(poolId, getConnection(poolId).callAsync(method, host));
  };
}

function hostAction(
  id: string,
  can: (host: Host, context: HostContext) => Verdict,
  run: (poolId: string, host: Ref<'host'>, args: ActionArgs) => Promise<void>,
  options: Partial<Pick<HostAction, 'input' | 'confirm' | 'startsGroup'>> = {},
): HostAction {
  return {
    id,
    cls: 'host',
    label: `host.${id}`,
    input: options.input ?? 'none',
    confirm: options.confirm,
    startsGroup: options.startsGroup,
    can: (host, objects) => can(host, contextOf(host, objects)),
    run: (poolId, ref, args) => run(poolId, ref as Ref<'host'>, args),
  };
}

export const hostActions: readonly HostAction[] = [
  hostAction('enterMaintenance', hostCan.enterMaintenance, enterMaintenance),
  hostAction('exitMaintenance', hostCan.exitMaintenance, (poolId, host) =>
    runTask(poolId, getConnection(poolId).callAsync('host.enable', host)),
  ),
  hostAction('reboot', hostCan.reboot, powerOff('host.reboot'), {
    input: 'host-power',
    confirm: true,
    startsGroup: true,
  }),
  hostAction('shutdown', hostCan.shutdown, powerOff('host.shutdown'), { input: 'host-power', confirm: true }),
  hostAction('powerOn', hostCan.powerOn, (poolId, host) =>
    runTask(poolId, getConnection(poolId).callAsync('host.power_on', host)),
  ),
];
