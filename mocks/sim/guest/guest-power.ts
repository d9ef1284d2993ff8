/**
 * A Linux guest shutting itself down from inside (poweroff, shutdown, reboot, or
 * Ctrl+Alt+Del on its screen). init stops its services over the guest's shutdown time,
 * then the domain exits the way it does at the end of a clean shutdown: xenopsd sees it
 * go and xapi applies the VM's actions_after_shutdown (or actions_after_reboot): destroy
 * leaves it Halted, restart boots it again. There is no task and no VM_SHUTDOWN message:
 * xapi raises those only for API calls (message_forwarding.ml).
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { domainGeneration, guestOf } from '../domains';
import { rebootDomain, resetPowerState } from '../power-state';
import { ok, spread } from './boot-script';
import type { GuestTerminal, TerminalProgram } from './terminal';

export type GuestExit = 'poweroff' | 'reboot';

function shutdownLines(kind: GuestExit, hasTools: boolean): string[] {
  const target = kind === 'poweroff' ? 'poweroff.target - System Power Off' : 'reboot.target - System Reboot';
  return [
    ok('Removed slice system-getty.slice - Slice /system/getty.'),
    ok('Stopped target multi-user.target - Multi-User System.'),
    '         Stopping ssh.service - OpenBSD Secure Shell server...',
    ok('Stopped ssh.service - OpenBSD Secure Shell server.'),
    ...(hasTools ? [ok('Stopped xe-linux-distribution.service - xe-linux-distribution daemon.')] : []),
    ok('Reached target shutdown.target - System Shutdown.'),
    ok(`Reached target ${target}.`),
    kind === 'poweroff' ? 'reboot: Power down' : 'reboot: Restarting system',
  ];
}

/** The domain exits as the guest asked, if it is still the same running domain. */
function exitDomain(terminal: GuestTerminal, generation: number | undefined, kind: GuestExit): void {
  const { sim, vm } = terminal;
  if (domainGeneration(sim, vm) !== generation) return;
  const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  if (record.power_state !== 'Running') return;
  const action = kind === 'reboot' ? record.actions_after_reboot : record.actions_after_shutdown;
  if (action === 'restart') rebootDomain(sim, vm);
  else resetPowerState(sim, vm, 'Halted');
}

/** init taking the system down: it owns the console until the domain is gone. */
export class ShutdownProgram implements TerminalProgram {
  private readonly timers: number[] = [];

  constructor(
    private readonly terminal: GuestTerminal,
    private readonly kind: GuestExit,
  ) {}

  start(): void {
    const { sim, vm } = this.terminal;
    const guest = guestOf(sim, vm);
    const generation = domainGeneration(sim, vm);
    const lines = spread(shutdownLines(this.kind, guest.hasTools), 0, guest.shutdownMs * 0.9, `${vm}/down`, false);
    this.terminal.write('\n');
    for (const line of lines) {
      this.timers.push(this.terminal.schedule(line.offsetMs, () => this.terminal.write(`${line.text}\n`)));
    }
    this.timers.push(this.terminal.schedule(guest.shutdownMs, () => exitDomain(this.terminal, generation, this.kind)));
  }

  /** Nothing reads the keyboard any more. */
  input(): void {}

  stop(): void {
    for (const id of this.timers) this.terminal.cancel(id);
  }
}

/** Ctrl+Alt+Del: systemd maps ctrl-alt-del.target to a reboot. */
export function ctrlAltDel(terminal: GuestTerminal): void {
  terminal.replace(new ShutdownProgram(terminal, 'reboot'));
}
