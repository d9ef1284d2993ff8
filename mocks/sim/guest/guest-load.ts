/**
 * How busy a running domain is, as its own OS sees it: load averages, the CPU split, the
 * memory its programs use, and the processes `top` lists. The guest console (top, uptime,
 * free) and dom0's `xl list` read it.
 *
 * The figures come from the workload model (mocks/sim/performance), the same one the
 * performance graphs show: CPU use now and averaged over the last 1, 5 and 15 minutes,
 * the memory in use, the CPU time since the domain started. Only the process list is the
 * console's own: the programs a guest of that workload runs, sharing its figures.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { domainStartMs, guestOf } from '../domains';
import type { Workload } from '../hardware';
import { performanceOf } from '../performance/model';
import { STEP_S } from '../performance/workload';
import type { Simulator } from '../simulator';
import { MiB } from '../units';
import { stableFraction } from './stable-hash';

export interface GuestProcess {
  pid: number;
  user: string;
  command: string;
  /** Of one CPU, as top shows it (a busy process on 4 vCPUs can reach 400). */
  cpuPercent: number;
  residentBytes: number;
  virtualBytes: number;
  sharedBytes: number;
  /** CPU time used since the domain started. */
  cpuTimeMs: number;
  state: 'R' | 'S';
}

export interface GuestLoad {
  /** 1, 5 and 15 minute load averages. */
  loadAverage: [number, number, number];
  /** Fraction of all vCPUs' time spent in user and system mode. */
  userFraction: number;
  systemFraction: number;
  /** Memory the guest's programs hold, before caches. */
  usedMemoryBytes: number;
  /** CPU time of all vCPUs since the domain started. */
  cpuTimeMs: number;
  tasksTotal: number;
  processes: GuestProcess[];
}

/** A program of a workload, with its share of the workload's CPU and memory. */
interface Program {
  command: string;
  user: string;
  cpuShare: number;
  memoryShare: number;
}

/** The programs that do each workload's work; the base system takes the rest. */
const PROGRAMS: Record<Workload | 'control-domain', Program[]> = {
  idle: [{ command: 'cron', user: 'root', cpuShare: 0.3, memoryShare: 0.05 }],
  web: [
    { command: 'nginx', user: 'www-data', cpuShare: 0.45, memoryShare: 0.25 },
    { command: 'php-fpm8.2', user: 'www-data', cpuShare: 0.4, memoryShare: 0.55 },
  ],
  batch: [{ command: 'python3', user: 'batch', cpuShare: 0.9, memoryShare: 0.8 }],
  database: [
    { command: 'postgres', user: 'postgres', cpuShare: 0.75, memoryShare: 0.85 },
    { command: 'postgres: walwriter', user: 'postgres', cpuShare: 0.1, memoryShare: 0.05 },
  ],
  noisy: [{ command: 'stress-ng', user: 'root', cpuShare: 0.95, memoryShare: 0.7 }],
  'control-domain': [
    { command: 'xapi', user: 'root', cpuShare: 0.35, memoryShare: 0.3 },
    { command: 'xenopsd-xc', user: 'root', cpuShare: 0.15, memoryShare: 0.1 },
    { command: 'xcp-rrdd', user: 'root', cpuShare: 0.2, memoryShare: 0.08 },
    { command: 'squeezed', user: 'root', cpuShare: 0.05, memoryShare: 0.03 },
    { command: 'oxenstored', user: 'root', cpuShare: 0.15, memoryShare: 0.05 },
  ],
};

const BASE_SYSTEM = ['systemd', 'systemd-journal', 'systemd-udevd', 'rsyslogd', 'sshd', 'agetty'];

/** The guest agent of a guest with tools. */
const AGENT: Program = { command: 'xe-daemon', user: 'root', cpuShare: 0.01, memoryShare: 0.01 };

const finite = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : 0);

export function guestLoad(sim: Simulator, vm: string): GuestLoad {
  const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  const metrics = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', record.metrics);
  const vcpus = Math.max(1, metrics?.VCPUs_number ?? record.VCPUs_at_startup);
  const totalBytes = metrics?.memory_actual || record.memory_target;
  const model = performanceOf(sim);
  const t = Math.floor(model.now() / STEP_S) * STEP_S;
  const started = (domainStartMs(sim, vm) ?? sim.clock.now()) / 1000;
  const now = model.sampleGuest(vm, { kind: 'sample', t });
  const over = (from: number) => model.sampleGuest(vm, { kind: 'window', from, to: t, bound: 'avg' });
  // A domain that has just started has no history: its averages climb from zero.
  const average = (seconds: number) =>
    Number((finite(over(t - seconds)?.cpuUsage) * vcpus * Math.min(1, (t - started) / seconds)).toFixed(2));
  const busy = finite(now?.cpuUsage);
  const cpuTimeMs = t > started ? finite(over(started)?.cpuUsage) * vcpus * (t - started) * 1000 : 0;
  const inUse = finite(now?.memory) - finite(now?.memoryFreeKiB) * 1024;
  const usedMemoryBytes = now && inUse > 0 ? inUse : totalBytes * 0.2;

  const base = BASE_SYSTEM.map((command) => ({ command, user: 'root', cpuShare: 0.01, memoryShare: 0.01 }));
  const workload = PROGRAMS[record.is_control_domain ? 'control-domain' : guestOf(sim, vm).workload];
  const programs = [...base, ...(guestOf(sim, vm).hasTools ? [AGENT] : []), ...workload];
  const processes = programs.map((p, i): GuestProcess => {
    const cpuPercent = Number((busy * vcpus * 100 * p.cpuShare).toFixed(1));
    const residentBytes = Math.round(Math.max(2 * MiB, usedMemoryBytes * p.memoryShare));
    return {
      pid: i === 0 ? 1 : 200 + i * 37 + Math.floor(stableFraction(record.uuid, i) * 30),
      user: p.user,
      command: p.command,
      cpuPercent,
      residentBytes,
      virtualBytes: residentBytes * 3 + 80 * MiB,
      sharedBytes: Math.round(residentBytes * 0.4),
      cpuTimeMs: Math.round(cpuTimeMs * p.cpuShare),
      state: cpuPercent > 50 ? 'R' : 'S',
    };
  });
  return {
    loadAverage: [average(60), average(300), average(900)],
    userFraction: busy * 0.8,
    systemFraction: busy * 0.2,
    usedMemoryBytes,
    cpuTimeMs,
    tasksTotal: 96 + processes.length,
    processes,
  };
}
