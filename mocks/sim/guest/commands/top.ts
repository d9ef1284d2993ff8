/**
 * top: the summary lines and the process list, refreshed every few seconds of virtual
 * time until q or Ctrl+C, or printed in batch mode (-b) for a pipeline.
 */
import { KiB, MiB } from '../../units';
import type { GuestLoad } from '../guest-load';
import type { GuestMemoryView } from '../guest-memory';
import type { GuestTerminal, TerminalProgram } from '../terminal';
import { uptimeText } from './system';

export interface TopSource {
  nowMs: () => number;
  uptimeMs: () => number;
  load: () => GuestLoad;
  memory: () => GuestMemoryView;
  vcpus: () => number;
}

/** The rows top fits on a 24-line terminal after its summary. */
const PROCESS_ROWS = 16;

/** KiB as top prints a memory column: a plain number, or "1.2g" when too wide. */
function kib(bytes: number): string {
  const value = Math.round(bytes / KiB);
  return value >= 10_000_000 ? `${(bytes / (1024 * MiB)).toFixed(1)}g` : String(value);
}

/** TIME+: minutes:seconds.hundredths. */
function cpuTime(ms: number): string {
  const hundredths = Math.floor(ms / 10);
  const minutes = Math.floor(hundredths / 6000);
  const seconds = Math.floor((hundredths % 6000) / 100);
  return `${minutes}:${String(seconds).padStart(2, '0')}.${String(hundredths % 100).padStart(2, '0')}`;
}

const f1 = (n: number, width: number) => n.toFixed(1).padStart(width);

export function topSnapshot(source: TopSource, rows = PROCESS_ROWS): string {
  const load = source.load();
  const memory = source.memory();
  const running = load.processes.filter((p) => p.state === 'R').length || 1;
  const user = load.userFraction * 100;
  const system = load.systemFraction * 100;
  const steal = 0.1;
  const idle = Math.max(0, 100 - user - system - steal);
  const mib = (bytes: number) => bytes / MiB;
  const header = [
    `top - ${uptimeText(source.nowMs(), source.uptimeMs(), 1, load.loadAverage, []).trimStart()}`,
    `Tasks: ${String(load.tasksTotal).padStart(3)} total, ${String(running).padStart(3)} running, ${String(load.tasksTotal - running).padStart(3)} sleeping,   0 stopped,   0 zombie`,
    `%Cpu(s): ${f1(user, 4)} us, ${f1(system, 4)} sy,  0.0 ni, ${f1(idle, 4)} id,  0.0 wa,  0.0 hi,  0.0 si, ${f1(steal, 4)} st`,
    `MiB Mem : ${f1(mib(memory.totalBytes), 8)} total, ${f1(mib(memory.freeBytes), 8)} free, ${f1(mib(memory.usedBytes), 8)} used, ${f1(mib(memory.buffCacheBytes), 8)} buff/cache`,
    `MiB Swap: ${f1(0, 8)} total, ${f1(0, 8)} free, ${f1(0, 8)} used. ${f1(mib(memory.availableBytes), 8)} avail Mem`,
    '',
    '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
  ];
  const processes = [...load.processes]
    .sort((a, b) => b.cpuPercent - a.cpuPercent || a.pid - b.pid)
    .slice(0, rows)
    .map((p) =>
      [
        String(p.pid).padStart(7),
        p.user.slice(0, 8).padEnd(9),
        '20'.padStart(3),
        '0'.padStart(3),
        kib(p.virtualBytes).padStart(7),
        kib(p.residentBytes).padStart(6),
        kib(p.sharedBytes).padStart(6),
        p.state,
        f1(p.cpuPercent, 5),
        f1(memory.totalBytes ? (p.residentBytes / memory.totalBytes) * 100 : 0, 5),
        cpuTime(p.cpuTimeMs).padStart(9),
        p.command,
      ].join(' '),
    );
  return [...header, ...processes].join('\n');
}

interface TopOptions {
  batch: boolean;
  /** Iterations before exiting; Infinity until q. */
  iterations: number;
  delayMs: number;
}

/** -b, -n N, -d SECONDS (also -nN, -dN); anything else is refused as top refuses it. */
export function parseTopArgs(args: string[]): TopOptions | string {
  const options: TopOptions = { batch: false, iterations: Number.POSITIVE_INFINITY, delayMs: 3_000 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-b') options.batch = true;
    else if (/^-[nd]/.test(arg)) {
      const value = arg.length > 2 ? arg.slice(2) : args[++i];
      const number = Number(value);
      if (value === undefined || !(number > 0))
        return `top: bad ${arg[1] === 'n' ? 'iterations' : 'delay'} argument '${value ?? ''}'`;
      if (arg[1] === 'n') options.iterations = Math.floor(number);
      else options.delayMs = number * 1000;
    } else return `top: unknown option '${arg.replace(/^-+/, '')}'`;
  }
  return options;
}

/** top while it runs: redraws on its delay, ends after its iterations or on q / Ctrl+C. */
export class TopProgram implements TerminalProgram {
  private shown = 0;
  private timer: number | undefined;

  constructor(
    private readonly terminal: GuestTerminal,
    private readonly source: TopSource,
    private readonly options: TopOptions,
  ) {}

  start(): void {
    if (!this.options.batch) this.terminal.write('\x1b[?25l');
    this.draw();
  }

  input(text: string): void {
    if (text === 'q' || text === '\x03') this.finish();
  }

  stop(): void {
    if (this.timer !== undefined) this.terminal.cancel(this.timer);
  }

  private draw(): void {
    const snapshot = topSnapshot(this.source);
    this.terminal.write(this.options.batch ? `${snapshot}\n\n` : `\x1b[H\x1b[2J${snapshot}`);
    this.shown++;
    if (this.shown >= this.options.iterations) this.finish();
    else this.timer = this.terminal.schedule(this.options.delayMs, () => this.draw());
  }

  private finish(): void {
    if (!this.options.batch) this.terminal.write('\x1b[?25h\n');
    this.terminal.exit(this);
  }
}
