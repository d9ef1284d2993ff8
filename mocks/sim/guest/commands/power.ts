/** poweroff, halt, reboot and shutdown in a guest: each hands the console to init's shutdown. */
import type { TimerId } from '../../clock';
import { type GuestExit, ShutdownProgram } from '../guest-power';
import type { CommandContext, CommandOutcome, CommandTable } from '../shell';
import type { GuestTerminal } from '../terminal';
import { dateText } from './system';

/** A shutdown scheduled for later (`shutdown +5`), per console, so `shutdown -c` can cancel it. */
const scheduled = new WeakMap<GuestTerminal, TimerId>();

const now =
  (kind: GuestExit) =>
  (ctx: CommandContext): CommandOutcome => ({
    program: new ShutdownProgram(ctx.terminal, kind),
  });

/** `shutdown [-h|-P|-r|-c] [now|+MINUTES]`: in a minute by default, as systemd's shutdown does. */
function shutdown(ctx: CommandContext): CommandOutcome {
  const { terminal, args } = ctx;
  let kind: GuestExit = 'poweroff';
  let when = '+1';
  for (const arg of args) {
    if (arg === '-r' || arg === '--reboot') kind = 'reboot';
    else if (arg === '-h' || arg === '-P' || arg === '--poweroff') kind = 'poweroff';
    else if (arg === '-c') {
      const timer = scheduled.get(terminal);
      if (timer !== undefined) terminal.cancel(timer);
      scheduled.delete(terminal);
      return '';
    } else if (arg === 'now' || /^\+\d+$/.test(arg)) when = arg;
    else return `shutdown: invalid time value '${arg}'`;
  }
  if (when === 'now' || when === '+0') return { program: new ShutdownProgram(terminal, kind) };
  const delayMs = Number(when.slice(1)) * 60_000;
  const previous = scheduled.get(terminal);
  if (previous !== undefined) terminal.cancel(previous);
  scheduled.set(
    terminal,
    terminal.schedule(delayMs, () => {
      scheduled.delete(terminal);
      terminal.replace(new ShutdownProgram(terminal, kind));
    }),
  );
  const at = dateText(ctx.sim.clock.now() + delayMs);
  return `${kind === 'reboot' ? 'Reboot' : 'Shutdown'} scheduled for ${at}, use 'shutdown -c' to cancel.`;
}

export const POWER_COMMANDS: CommandTable = {
  poweroff: now('poweroff'),
  // systemd's halt stops the system; on Xen the simulator treats it as powering off.
  halt: now('poweroff'),
  reboot: now('reboot'),
  shutdown,
};
