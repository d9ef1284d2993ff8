/**
 * A Linux guest's console: its boot, getty's login (root with GUEST_ROOT_PASSWORD), and
 * a shell whose commands read the guest's own state from the model.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { domainStartMs, guestOf } from '../domains';
import type { Simulator } from '../simulator';
import type { BootScript } from './boot-script';
import { commonCommands, type SystemView } from './commands/common';
import { linuxFileSystems } from './commands/disks';
import { POWER_COMMANDS } from './commands/power';
import { guestCpu, guestDisks, guestIdentity, guestNics } from './guest-facts';
import { guestLoad } from './guest-load';
import { guestMemoryView, guestVcpuCount } from './guest-memory';
import { formatKernelLog, guestKernelLog } from './kernel-log';
import { LoginProgram } from './login';
import { Shell, type SystemIdentity } from './shell';
import type { GuestTerminal, TerminalSetup } from './terminal';

/** The root password of every simulated Linux guest (the pool's own password, to keep one to remember). */
export const GUEST_ROOT_PASSWORD = 'xenith';

/** /etc/issue as each family writes it. */
function issueOf(identity: SystemIdentity): string {
  switch (identity.family) {
    case 'rhel':
      return `${identity.prettyName}\nKernel ${identity.kernelRelease} on an x86_64`;
    case 'suse':
      return `Welcome to ${identity.prettyName}  - Kernel ${identity.kernelRelease} (${identity.tty}).`;
    default:
      return `${identity.prettyName} ${identity.hostname} ${identity.tty}`;
  }
}

/** What a fresh login prints before the prompt. */
function motdOf(identity: SystemIdentity, distro: string): string {
  if (distro === 'ubuntu') return `Welcome to ${identity.prettyName} (GNU/Linux ${identity.kernelRelease} x86_64)\n\n`;
  if (identity.family === 'debian') {
    return `Linux ${identity.hostname} ${identity.kernelRelease} #1 SMP PREEMPT_DYNAMIC x86_64\n\n`;
  }
  return '';
}

export function linuxSystem(sim: Simulator, vm: string): SystemView {
  const identity = guestIdentity(sim, vm);
  const record = () => sim.db.get<XapiRecord<'VM'>>('VM', vm);
  return {
    identity,
    osId: guestOf(sim, vm).osVersion.distro ?? 'linux',
    issue: issueOf(identity),
    nowMs: () => sim.clock.now(),
    uptimeMs: () => sim.clock.now() - (domainStartMs(sim, vm) ?? sim.clock.now()),
    memory: () => guestMemoryView(sim, vm),
    vcpus: () => guestVcpuCount(sim, vm),
    possibleVcpus: () => record().VCPUs_max,
    cpu: () => guestCpu(sim, vm),
    interfaces: () => guestNics(sim, vm),
    fileSystems: () => linuxFileSystems(guestMemoryView(sim, vm).totalBytes, guestDisks(sim, vm)),
    load: () => guestLoad(sim, vm),
    kernelLog: () => formatKernelLog(guestKernelLog(sim, vm)),
  };
}

function startShell(terminal: GuestTerminal, user: string): void {
  const { sim, vm } = terminal;
  const system = linuxSystem(sim, vm);
  terminal.write(motdOf(system.identity, system.osId));
  terminal.replace(
    new Shell(terminal, {
      sim,
      vm,
      user,
      identity: system.identity,
      commands: { ...commonCommands(system), ...POWER_COMMANDS },
      onLogout: () => terminal.replace(getty(terminal)),
    }),
  );
}

function getty(terminal: GuestTerminal): LoginProgram {
  const identity = guestIdentity(terminal.sim, terminal.vm);
  return new LoginProgram(terminal, {
    issue: issueOf(identity),
    hostname: identity.hostname,
    authenticate: (user, password) => user === 'root' && password === GUEST_ROOT_PASSWORD,
    onLogin: (user) => startShell(terminal, user),
  });
}

export function linuxTerminalSetup(boot: BootScript, startMs: number): TerminalSetup {
  return { boot, startMs, getty };
}
