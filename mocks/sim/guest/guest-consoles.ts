/**
 * The text console of each running domain, made when someone first opens it: dom0's for
 * its host, a Linux guest's for the guest. Windows guests have none (their screen is
 * graphical only). Consoles are found here by every viewer, so all share one tty.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { guestOf } from '../domains';
import type { Simulator } from '../simulator';
import { hostTerminalSetup } from './host-console';
import { perIncarnation } from './incarnation-state';
import { domainBoot } from './kernel-log';
import { linuxTerminalSetup } from './linux-console';
import { GuestTerminal } from './terminal';

const TERMINAL = Symbol('terminal');

/** Whether the VM's OS has a text console: dom0 and Linux guests. */
export function hasTextConsole(sim: Simulator, vm: string): boolean {
  const record = sim.db.find<XapiRecord<'VM'>>('VM', vm);
  return !!record && (record.is_control_domain || guestOf(sim, vm).os === 'linux');
}

/** The running domain's text console, or undefined when it has none or is not running. */
export function guestTerminal(sim: Simulator, vm: string): GuestTerminal | undefined {
  if (!hasTextConsole(sim, vm)) return undefined;
  return perIncarnation(TERMINAL, sim, vm, ({ generation }) => {
    const { startMs, script } = domainBoot(sim, vm)!;
    const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
    const setup = record.is_control_domain
      ? hostTerminalSetup(record.resident_on, script, startMs)
      : linuxTerminalSetup(script, startMs);
    return new GuestTerminal(sim, vm, generation, setup);
  });
}
