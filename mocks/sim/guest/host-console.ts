/**
 * A host's console: its control domain's boot, a login with the pool's own accounts
 * (XAPI authenticates against dom0's users), and a shell with xl and an xsconsole
 * status screen besides the usual commands.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { domainStartMs } from '../domains';
import type { Simulator } from '../simulator';
import { GiB, MiB } from '../units';
import type { BootScript } from './boot-script';
import { commonCommands, type SystemView } from './commands/common';
import { ext4, tmpfs } from './commands/disks';
import { xlCommand } from './commands/xl';
import { XsconsoleProgram } from './commands/xsconsole';
import { guestCpu } from './guest-facts';
import { guestLoad } from './guest-load';
import { guestMemoryView, guestVcpuCount } from './guest-memory';
import { DOM0_KERNEL } from './host-boot-script';
import { hostInterfaces } from './host-facts';
import { formatKernelLog, guestKernelLog } from './kernel-log';
import { LoginProgram } from './login';
import { Shell, type SystemIdentity } from './shell';
import type { GuestTerminal, TerminalSetup } from './terminal';

function identityOf(sim: Simulator, host: string): SystemIdentity {
  const record = sim.db.get<XapiRecord<'host'>>('host', host);
  return {
    hostname: record.hostname,
    prettyName: `XCP-ng ${record.software_version.product_version ?? '8.3.0'}`,
    family: 'xcp-ng',
    kernelRelease: DOM0_KERNEL,
    tty: 'hvc0',
  };
}

function issueOf(identity: SystemIdentity): string {
  return `${identity.prettyName.replace('XCP-ng ', 'XCP-ng release ')} (xenenterprise)\nKernel ${DOM0_KERNEL} on an x86_64`;
}

/** dom0's own disks: root and log partitions on the host's local disk. */
const DOM0_FILE_SYSTEMS = (memoryBytes: number) => [
  tmpfs('devtmpfs', Math.floor(memoryBytes / 2 / MiB) * MiB, 0, '/dev'),
  ext4('/dev/sda1', 18 * GiB, 2.4 * GiB, '/'),
  tmpfs('tmpfs', Math.floor(memoryBytes / 2 / MiB) * MiB, 1.2 * MiB, '/dev/shm'),
  ext4('/dev/sda5', 4 * GiB, 0.3 * GiB, '/var/log'),
];

export function hostSystem(sim: Simulator, host: string, dom0: string): SystemView {
  const identity = identityOf(sim, host);
  return {
    identity,
    osId: 'xcp-ng',
    issue: issueOf(identity),
    nowMs: () => sim.clock.now(),
    uptimeMs: () => sim.clock.now() - (domainStartMs(sim, dom0) ?? sim.clock.now()),
    memory: () => guestMemoryView(sim, dom0),
    vcpus: () => guestVcpuCount(sim, dom0),
    possibleVcpus: () => sim.db.get<XapiRecord<'VM'>>('VM', dom0).VCPUs_max,
    cpu: () => guestCpu(sim, dom0),
    interfaces: () => hostInterfaces(sim, host),
    fileSystems: () => DOM0_FILE_SYSTEMS(guestMemoryView(sim, dom0).totalBytes),
    load: () => guestLoad(sim, dom0),
    kernelLog: () => formatKernelLog(guestKernelLog(sim, dom0)),
  };
}

function startShell(terminal: GuestTerminal, host: string, user: string): void {
  const { sim, vm } = terminal;
  const system = hostSystem(sim, host, vm);
  terminal.replace(
    new Shell(terminal, {
      sim,
      vm,
      user,
      identity: system.identity,
      commands: {
        ...commonCommands(system),
        xl: ({ args }) => xlCommand(sim, host, args),
        xsconsole: () => ({ program: new XsconsoleProgram(terminal, host) }),
      },
      onLogout: () => terminal.replace(getty(terminal, host)),
    }),
  );
}

function getty(terminal: GuestTerminal, host: string): LoginProgram {
  const identity = identityOf(terminal.sim, host);
  return new LoginProgram(terminal, {
    issue: issueOf(identity),
    hostname: identity.hostname,
    authenticate: (user, password) => terminal.sim.sessions.authenticates(user, password),
    onLogin: (user) => startShell(terminal, host, user),
  });
}

export function hostTerminalSetup(host: string, boot: BootScript, startMs: number): TerminalSetup {
  return { boot, startMs, getty: (terminal) => getty(terminal, host) };
}
