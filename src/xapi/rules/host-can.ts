/**
 * What a host allows now, read from `allowed_operations` (valid_operations in
 * ocaml/xapi/xapi_host_helpers.ml) and `enabled`. Maintenance mode is XenCenter's
 * name for a disabled, evacuated host (XenAdmin/Commands/HostMaintenanceModeCommand.cs):
 * XAPI has no such flag, only host.disable and host.evacuate.
 */
import type { XapiEnum, XapiRecord } from '../model/types';
import { ALLOWED, denied, type Verdict } from './verdict';

export type HostOperation = XapiEnum<'host_allowed_operations'>;
type Host = XapiRecord<'host'>;

export interface HostContext {
  /** Whether the host is up comes from host_metrics.live. */
  metrics?: XapiRecord<'host_metrics'>;
}

/** A host whose metrics have not arrived yet counts as live: the usual case, and the safe guess for the menus. */
export const isHostLive = (context: HostContext) => context.metrics?.live ?? true;

const busy = (host: Host) => Object.keys(host.current_operations).length > 0;

/** Enter maintenance mode: disable, then evacuate, which needs an enabled, live host with nothing else running. */
function enterMaintenance(host: Host, context: HostContext = {}): Verdict {
  if (!isHostLive(context)) return denied({ code: 'host-offline' });
  if (!host.enabled) return denied({ code: 'in-maintenance' });
  if (!host.allowed_operations.includes('evacuate'))
    return denied(busy(host) ? { code: 'busy' } : { code: 'not-allowed' });
  return ALLOWED;
}

/** Exit maintenance mode: host.enable on a disabled, live host. */
function exitMaintenance(host: Host, context: HostContext = {}): Verdict {
  if (!isHostLive(context)) return denied({ code: 'host-offline' });
  if (host.enabled) return denied({ code: 'not-in-maintenance' });
  if (!host.allowed_operations.includes('enable'))
    return denied(busy(host) ? { code: 'busy' } : { code: 'not-allowed' });
  return ALLOWED;
}

/**
 * Reboot and shut down need a disabled host (HOST_NOT_DISABLED). An enabled host is
 * still offered the action: the console enters maintenance mode first, as XenCenter
 * does, so only the other reasons disable it.
 */
const powerOff =
  (op: 'reboot' | 'shutdown') =>
  (host: Host, context: HostContext = {}): Verdict => {
    if (!isHostLive(context)) return denied({ code: 'host-offline' });
    if (host.allowed_operations.includes(op)) return ALLOWED;
    if (busy(host)) return denied({ code: 'busy' });
    return host.enabled ? ALLOWED : denied({ code: 'not-allowed' });
  };

function powerOn(host: Host, context: HostContext = {}): Verdict {
  if (host.allowed_operations.includes('power_on')) return ALLOWED;
  if (isHostLive(context)) return denied({ code: 'host-running' });
  if (host.power_on_mode === '') return denied({ code: 'no-power-on-mode' });
  return denied(busy(host) ? { code: 'busy' } : { code: 'not-allowed' });
}

/** Whether reboot or shut down must first take the host into maintenance mode. */
export const needsMaintenanceFirst = (host: Host) => host.enabled;

export const hostCan = {
  enterMaintenance,
  exitMaintenance,
  reboot: powerOff('reboot'),
  shutdown: powerOff('shutdown'),
  powerOn,
};
