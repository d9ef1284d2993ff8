/**
 * Which console an object page shows. A VM shows its own consoles; a host shows its
 * control domain's (xapi keeps the host console as dom0's console records). XAPI's
 * `vt100` is the text console and `rfb` the graphical one; `rdp` is not a console a
 * browser can open. Like XenCenter, a VM opens on its graphical console unless it has
 * only text, and a host opens on the text console of its control domain.
 */
import type { PoolMirror } from '../../store/mirror-store';
import type { XapiEnum, XapiRecord } from '../../xapi/model/types';
import { NULL_REF } from '../../xapi/refs';

type Objects = PoolMirror['objects'];

export type ConsoleMode = 'text' | 'graphical';

/** One console record, as the connection needs it. */
export interface ConsoleEntry {
  ref: string;
  location: string;
}

export type AvailableConsoles = Partial<Record<ConsoleMode, ConsoleEntry>>;

/** The classes with a Console tab. */
export type ConsoleOwnerClass = 'VM' | 'host';

const MODE_OF: Partial<Record<XapiEnum<'console_protocol'>, ConsoleMode>> = { vt100: 'text', rfb: 'graphical' };

/** The VM whose consoles the page shows: the VM itself, or the host's control domain. */
export function consoleVmRef(objects: Objects, cls: ConsoleOwnerClass, ref: string): string | undefined {
  if (cls === 'VM') return objects.VM?.[ref] ? ref : undefined;
  const host = objects.host?.[ref];
  const vms = objects.VM ?? {};
  if (!host) return undefined;
  if (host.control_domain !== NULL_REF && vms[host.control_domain]?.is_control_domain) return host.control_domain;
  // Pools older than host.control_domain: the control domain resident on the host.
  for (const vmRef in vms) {
    const vm = vms[vmRef];
    if (vm.is_control_domain && vm.resident_on === ref) return vmRef;
  }
  return undefined;
}

/** The VM's text and graphical consoles, from its console records (the first of each protocol). */
export function availableConsoles(vm: XapiRecord<'VM'>, consoles: Objects['console']): AvailableConsoles {
  const available: AvailableConsoles = {};
  for (const ref of vm.consoles) {
    const record = consoles?.[ref];
    const mode = record && MODE_OF[record.protocol];
    if (mode && !available[mode]) available[mode] = { ref, location: record.location };
  }
  return available;
}

/** What the page opens on when the person has not chosen. */
export function defaultMode(available: AvailableConsoles, cls: ConsoleOwnerClass): ConsoleMode | undefined {
  const order: readonly ConsoleMode[] = cls === 'host' ? ['text', 'graphical'] : ['graphical', 'text'];
  return order.find((mode) => available[mode] !== undefined);
}

/** The person's choice while that console exists, otherwise the default. */
export function shownMode(
  chosen: ConsoleMode | undefined,
  available: AvailableConsoles,
  cls: ConsoleOwnerClass,
): ConsoleMode | undefined {
  return chosen && available[chosen] ? chosen : defaultMode(available, cls);
}
