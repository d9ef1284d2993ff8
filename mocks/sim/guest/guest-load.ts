/**
 * How busy a running domain is: load averages, the CPU split, the memory its programs
 * use, and the processes `top` lists. The guest console (top, uptime, free) and dom0's
 * `xl list` read it.
 *
 * SEAM(workload): mocks/sim/workload.ts, being built separately, will own these figures.
 * Until it lands they are derived from the domain's own state: its role (guessed from its
 * name), its vCPUs and memory, and a slow wave over virtual time whose phase comes from
 * its UUID, so guests differ and every run is the same. Replace the body of `guestLoad`
 * with a read of the workload model; its callers need no change.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { domainStartMs, guestOf } from '../domains';
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
  tasksTotal: number;
  processes: GuestProcess[];
}

interface Role {
  /** Processes besides the base system, with their share of the role's CPU and memory. */
  processes: { command: string; user: string; cpuShare: number; memoryShare: number }[];
  busyWeight: number;
  /** Fraction of memory the role's programs hold. */
  memoryFraction: number;
}

const ROLES: [RegExp, Role][] = [
  [
    /db|sql|postgres/,
    {
      processes: [
        { command: 'postgres', user: 'postgres', cpuShare: 0.7, memoryShare: 0.8 },
        { command: 'postgres: walwriter', user: 'postgres', cpuShare: 0.1, memoryShare: 0.1 },
      ],
      busyWeight: 1.6,
      memoryFraction: 0.45,
    },
  ],
  [
    /web|nginx|app/,
    {
      processes: [
        { command: 'nginx', user: 'www-data', cpuShare: 0.5, memoryShare: 0.3 },
        { command: 'php-fpm8.2', user: 'www-data', cpuShare: 0.3, memoryShare: 0.6 },
      ],
      busyWeight: 1,
      memoryFraction: 0.18,
    },
  ],
  [
    /mail/,
    {
      processes: [
        { command: 'master', user: 'root', cpuShare: 0.3, memoryShare: 0.3 },
        { command: 'dovecot', user: 'dovecot', cpuShare: 0.4, memoryShare: 0.5 },
      ],
      busyWeight: 0.6,
      memoryFraction: 0.2,
    },
  ],
  [
    /monitor|prometheus|grafana/,
    {
      processes: [
        { command: 'prometheus', user: 'prometheus', cpuShare: 0.6, memoryShare: 0.7 },
        { command: 'grafana', user: 'grafana', cpuShare: 0.2, memoryShare: 0.2 },
      ],
      busyWeight: 1.2,
      memoryFraction: 0.3,
    },
  ],
  [
    /build|ci|runner/,
    {
      processes: [{ command: 'gitlab-runner', user: 'gitlab-runner', cpuShare: 0.8, memoryShare: 0.9 }],
      busyWeight: 2.5,
      memoryFraction: 0.35,
    },
  ],
];

const IDLE_ROLE: Role = { processes: [], busyWeight: 0.3, memoryFraction: 0.04 };

/** The guest agent of a guest with tools. */
const AGENT = { command: 'xe-daemon', user: 'root', cpuShare: 0.01, memoryShare: 0 };

const BASE_SYSTEM = ['systemd', 'systemd-journal', 'systemd-udevd', 'cron', 'rsyslogd', 'sshd', 'agetty'];

const DOM0_ROLE: Role = {
  processes: [
    { command: 'xapi', user: 'root', cpuShare: 0.35, memoryShare: 0.3 },
    { command: 'xenopsd-xc', user: 'root', cpuShare: 0.15, memoryShare: 0.1 },
    { command: 'xcp-rrdd', user: 'root', cpuShare: 0.2, memoryShare: 0.08 },
    { command: 'squeezed', user: 'root', cpuShare: 0.05, memoryShare: 0.03 },
    { command: 'oxenstored', user: 'root', cpuShare: 0.15, memoryShare: 0.05 },
  ],
  busyWeight: 0,
  memoryFraction: 0.25,
};

/** The slow wave a guest's activity follows: period of ten minutes, phase from its UUID. */
function busyAt(baseBusy: number, uuid: string, atMs: number): number {
  const phase = stableFraction(uuid, 1) * 2 * Math.PI;
  return Math.min(1, baseBusy * (1 + 0.5 * Math.sin((2 * Math.PI * atMs) / 600_000 + phase)));
}

export function guestLoad(sim: Simulator, vm: string): GuestLoad {
  const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  const metrics = sim.db.find<XapiRecord<'VM_metrics'>>('VM_metrics', record.metrics);
  const vcpus = Math.max(1, metrics?.VCPUs_number ?? record.VCPUs_at_startup);
  const totalBytes = metrics?.memory_actual || record.memory_target;
  const now = sim.clock.now();
  const uptimeMs = Math.max(0, now - (domainStartMs(sim, vm) ?? now));
  const role = record.is_control_domain
    ? DOM0_ROLE
    : (ROLES.find(([pattern]) => pattern.test(record.name_label.toLowerCase()))?.[1] ?? IDLE_ROLE);
  // dom0 works for the guests it hosts; a guest by its role and its own temperament.
  const residents = record.is_control_domain
    ? (sim.db.find<XapiRecord<'host'>>('host', record.resident_on)?.resident_VMs.length ?? 1)
    : 0;
  const baseBusy = record.is_control_domain
    ? Math.min(0.6, 0.02 + 0.01 * residents)
    : (0.02 + 0.12 * stableFraction(record.uuid)) * role.busyWeight;
  // A guest that has just booted has no history: its averages climb from zero.
  const warm = (windowMs: number) => Math.min(1, uptimeMs / windowMs);
  const loadOver = (windowMs: number) =>
    Number((busyAt(baseBusy, record.uuid, now - windowMs / 2) * vcpus * warm(windowMs)).toFixed(2));
  const busy = busyAt(baseBusy, record.uuid, now) * warm(60_000);

  const baseMemory = 160 * MiB + totalBytes * 0.03;
  const usedMemoryBytes = Math.min(totalBytes * 0.92, baseMemory + totalBytes * role.memoryFraction);
  const roleMemory = usedMemoryBytes - baseMemory;
  const system = BASE_SYSTEM.map((command) => ({ command, user: 'root', cpuShare: 0.02, memoryShare: 0 }));
  const processes = [...system, ...(guestOf(sim, vm).hasTools ? [AGENT] : []), ...role.processes].map(
    (p, i): GuestProcess => {
      const cpuPercent = Number((busy * vcpus * 100 * p.cpuShare).toFixed(1));
      const residentBytes = Math.round(p.memoryShare > 0 ? roleMemory * p.memoryShare : (4 + i * 3) * MiB);
      return {
        pid: i === 0 ? 1 : 200 + i * 37 + Math.floor(stableFraction(record.uuid, i + 2) * 30),
        user: p.user,
        command: p.command,
        cpuPercent,
        residentBytes,
        virtualBytes: residentBytes * 3 + 80 * MiB,
        sharedBytes: Math.round(residentBytes * 0.4),
        cpuTimeMs: Math.round(baseBusy * vcpus * p.cpuShare * uptimeMs),
        state: cpuPercent > 50 ? 'R' : 'S',
      };
    },
  );
  return {
    loadAverage: [loadOver(60_000), loadOver(300_000), loadOver(900_000)],
    userFraction: busy * 0.75,
    systemFraction: busy * 0.25,
    usedMemoryBytes,
    tasksTotal: 96 + processes.length,
    processes,
  };
}
