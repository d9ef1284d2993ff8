/**
 * A host's state in XenCenter's terms. Maintenance mode is a disabled host that
 * XenCenter (and this console) marked with other_config MAINTENANCE_MODE=true when
 * evacuating it (XenAdmin/XenModel/XenAPI-Extensions/Host.cs, MaintenanceMode).
 */
import type { XapiRecord } from '../../../xapi/model/types';

export type HostState = 'enabled' | 'disabled' | 'maintenance' | 'unreachable';

export function hostState(host: XapiRecord<'host'>, metrics: XapiRecord<'host_metrics'> | undefined): HostState {
  if (metrics && !metrics.live) return 'unreachable';
  if (host.enabled) return 'enabled';
  return host.other_config.MAINTENANCE_MODE === 'true' ? 'maintenance' : 'disabled';
}
