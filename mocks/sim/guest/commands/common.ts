/**
 * The commands every simulated Linux system answers, guest or dom0, each reading the
 * model through a SystemView so that what it prints is what the rest of the console
 * shows: memory from VM_metrics.memory_actual, vCPUs from VM_metrics.VCPUs_number, NICs
 * from VIFs (or PIFs), disks from VBDs and VDIs, load from the workload.
 */
import type { GuestCpu } from '../guest-facts';
import type { GuestLoad } from '../guest-load';
import type { GuestMemoryView } from '../guest-memory';
import type { CommandContext, CommandTable, SystemIdentity } from '../shell';
import { cpuinfo, nproc } from './cpu';
import { dfCommand, type FileSystem } from './disks';
import { cat, FileSystemView, ls, resolvePath } from './files';
import { freeCommand, meminfo } from './memory';
import { type Interface, ipCommand } from './network';
import { dateText, osRelease, procLoadavg, procUptime, procVersion, unameCommand, uptimeText } from './system';
import { grep, head, tail, wc } from './text-filters';
import { parseTopArgs, TopProgram, type TopSource, topSnapshot } from './top';

export interface SystemView {
  identity: SystemIdentity;
  /** os-release's ID. */
  osId: string;
  /** /etc/issue. */
  issue: string;
  nowMs(): number;
  uptimeMs(): number;
  memory(): GuestMemoryView;
  /** Online vCPUs, and every vCPU the system could bring online. */
  vcpus(): number;
  possibleVcpus(): number;
  cpu(): GuestCpu;
  interfaces(): Interface[];
  fileSystems(): FileSystem[];
  load(): GuestLoad;
  /** dmesg's text. */
  kernelLog(): string;
}

/** Reads the file arguments of a filter, or its pipeline input. */
function filterInput(fs: FileSystemView, ctx: CommandContext, files: string[]): string {
  if (files.length === 0) return ctx.stdin ?? '';
  return files.map((file) => fs.read(resolvePath(ctx.shell.cwd, file)) ?? '').join('\n');
}

/** A filter's own options and pattern, then its files. */
function splitFilterArgs(args: string[], takesPattern: boolean): { own: string[]; files: string[] } {
  const own: string[] = [];
  const files: string[] = [];
  let patternSeen = !takesPattern;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('-')) {
      own.push(arg);
      if (arg === '-n') own.push(args[++i] ?? '');
    } else if (!patternSeen) {
      own.push(arg);
      patternSeen = true;
    } else files.push(arg);
  }
  return { own, files };
}

export function commonCommands(system: SystemView): CommandTable {
  const files = new FileSystemView(
    {
      '/proc/cpuinfo': () => cpuinfo(system.cpu(), system.vcpus()),
      '/proc/meminfo': () => meminfo(system.memory()),
      '/proc/loadavg': () => {
        const load = system.load();
        return procLoadavg(load.loadAverage, 1, load.tasksTotal);
      },
      '/proc/uptime': () =>
        procUptime(system.uptimeMs(), 1 - system.load().userFraction - system.load().systemFraction, system.vcpus()),
      '/proc/version': () => procVersion(system.identity),
      '/etc/hostname': () => system.identity.hostname,
      '/etc/issue': () => system.issue,
      '/etc/os-release': () => osRelease(system.identity, system.osId),
    },
    system
      .fileSystems()
      .map((fs) => fs.mountPoint.slice(1))
      .filter((mount) => mount && !mount.includes('/')),
  );
  const top: TopSource = {
    nowMs: () => system.nowMs(),
    uptimeMs: () => system.uptimeMs(),
    load: () => system.load(),
    memory: () => system.memory(),
    vcpus: () => system.vcpus(),
  };
  const filter = (fn: (args: string[], input: string) => string, takesPattern: boolean) => (ctx: CommandContext) => {
    const { own, files: paths } = splitFilterArgs(ctx.args, takesPattern);
    return fn(own, filterInput(files, ctx, paths));
  };
  return {
    free: ({ args }) => freeCommand(system.memory(), args),
    nproc: ({ args }) => nproc(args, system.vcpus(), system.possibleVcpus()),
    ip: ({ args }) => ipCommand(system.interfaces(), args),
    df: ({ args }) => dfCommand(system.fileSystems(), args),
    uptime: ({ args }) => uptimeText(system.nowMs(), system.uptimeMs(), 1, system.load().loadAverage, args),
    dmesg: () => system.kernelLog(),
    top: ({ terminal, args }) => {
      const options = parseTopArgs(args);
      if (typeof options === 'string') return options;
      if (options.batch && options.iterations === 1) return topSnapshot(top);
      return { program: new TopProgram(terminal, top, options) };
    },
    hostname: ({ args }) =>
      args.includes('-I')
        ? system
            .interfaces()
            .flatMap((nic) => (nic.ipv4 ? [nic.ipv4.address] : []))
            .join(' ')
        : system.identity.hostname,
    uname: ({ args }) => unameCommand(system.identity, args),
    date: () => dateText(system.nowMs()),
    whoami: ({ shell }) => shell.options.user,
    id: () => 'uid=0(root) gid=0(root) groups=0(root)',
    echo: ({ args }) => args.join(' '),
    clear: () => '\x1b[H\x1b[2J',
    pwd: ({ shell }) => shell.cwd,
    cd: ({ shell, args }) => {
      const target = resolvePath(shell.cwd, args[0] ?? '~');
      if (!files.isDirectory(target)) return `-bash: cd: ${args[0]}: No such file or directory`;
      shell.cwd = target;
      return '';
    },
    ls: ({ shell, args }) => ls(files, shell.cwd, args),
    cat: ({ shell, args, stdin }) => cat(files, shell.cwd, args, stdin),
    grep: filter(grep, true),
    head: filter(head, false),
    tail: filter(tail, false),
    wc: filter(wc, false),
    exit: () => ({ logout: true }),
    logout: () => ({ logout: true }),
  };
}
