/**
 * What a VM's guest agent reports (VM_guest_metrics), read the way XenCenter reads it:
 * the OS name, the tools (PV drivers) version, and each interface's addresses, which
 * the agent files under the VIF's device number ("0/ipv4/0", "0/ipv6/1", or the
 * older "0/ip").
 */
import type { XapiRecord } from '../../../xapi/model/types';

type GuestMetrics = XapiRecord<'VM_guest_metrics'>;

export function osName(metrics: GuestMetrics | undefined): string | undefined {
  const os = metrics?.os_version ?? {};
  if (os.name) return os.name;
  if (os.distro) return [os.distro, os.major, os.minor].filter(Boolean).join(' ');
  return undefined;
}

/** "8.3.0 build 1", or undefined when the drivers are not installed. */
export function toolsVersion(metrics: GuestMetrics | undefined): string | undefined {
  const v = metrics?.PV_drivers_version ?? {};
  if (!v.major) return undefined;
  const version = [v.major, v.minor, v.micro].filter((part) => part !== undefined).join('.');
  return v.build ? `${version} build ${v.build}` : version;
}

export function interfaceAddresses(metrics: GuestMetrics | undefined, device: string): string[] {
  const networks = metrics?.networks ?? {};
  const numbered = Object.entries(networks)
    .filter(([key]) => key.startsWith(`${device}/ipv4/`) || key.startsWith(`${device}/ipv6/`))
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([, address]) => address);
  const legacy = networks[`${device}/ip`];
  const all = numbered.length > 0 ? numbered : legacy ? [legacy] : [];
  return [...new Set(all)];
}
