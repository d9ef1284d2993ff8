/** uptime, date, uname and the /proc and /etc files that describe the running system. */
import type { SystemIdentity } from '../shell';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** HH:MM:SS of a virtual instant, in UTC (the simulated systems' time zone). */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** date(1)'s default: "Thu Jan  1 00:05:12 UTC 2026". */
export function dateText(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${clockTime(ms)} UTC ${d.getUTCFullYear()}`;
}

/** procps' "up" part: "5 min", " 3:04", "2 days,  3:04", "1 day, 12 min". */
function upText(uptimeMs: number): string {
  const minutes = Math.floor(uptimeMs / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const dayPart = days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : '';
  return hours > 0 ? `${dayPart}${String(hours).padStart(2)}:${two(mins)}` : `${dayPart}${mins} min`;
}

export function uptimeText(
  nowMs: number,
  uptimeMs: number,
  users: number,
  load: readonly [number, number, number],
  args: string[],
): string {
  if (args.includes('-p') || args.includes('--pretty')) {
    const minutes = Math.floor(uptimeMs / 60_000);
    const parts: string[] = [];
    const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
    if (minutes >= 1440) parts.push(plural(Math.floor(minutes / 1440), 'day'));
    if (minutes % 1440 >= 60) parts.push(plural(Math.floor((minutes % 1440) / 60), 'hour'));
    if (minutes % 60 > 0 || parts.length === 0) parts.push(plural(minutes % 60, 'minute'));
    return `up ${parts.join(', ')}`;
  }
  const averages = load.map((l) => l.toFixed(2)).join(', ');
  return ` ${clockTime(nowMs)} up ${upText(uptimeMs)},  ${users} user${users === 1 ? '' : 's'},  load average: ${averages}`;
}

/** /proc/uptime: seconds up, and idle seconds summed over the vCPUs. */
export function procUptime(uptimeMs: number, idleFraction: number, vcpus: number): string {
  const up = uptimeMs / 1000;
  return `${up.toFixed(2)} ${(up * idleFraction * vcpus).toFixed(2)}`;
}

/** /proc/loadavg. */
export function procLoadavg(load: readonly [number, number, number], running: number, tasks: number): string {
  return `${load.map((l) => l.toFixed(2)).join(' ')} ${running}/${tasks} ${1000 + tasks * 7}`;
}

const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC';

/** uname with its one-letter options, in uname's own order whatever order they are given. */
export function unameCommand(identity: SystemIdentity, args: string[]): string {
  const fields: [string, string][] = [
    ['s', 'Linux'],
    ['n', identity.hostname],
    ['r', identity.kernelRelease],
    ['v', KERNEL_VERSION],
    ['m', 'x86_64'],
    ['o', 'GNU/Linux'],
  ];
  const wanted = new Set<string>();
  for (const arg of args) {
    if (arg === '--all') wanted.add('a');
    else if (/^-[snrvmoa]+$/.test(arg)) for (const letter of arg.slice(1)) wanted.add(letter);
    else return `uname: invalid option -- '${arg.replace(/^-+/, '')}'\nTry 'uname --help' for more information.`;
  }
  if (wanted.has('a')) return fields.map(([, v]) => v).join(' ');
  if (wanted.size === 0) wanted.add('s');
  return fields
    .filter(([letter]) => wanted.has(letter))
    .map(([, v]) => v)
    .join(' ');
}

/** /proc/version. */
export function procVersion(identity: SystemIdentity): string {
  return `Linux version ${identity.kernelRelease} (builder@localhost) (gcc 12.2.0) ${KERNEL_VERSION}`;
}

/** /etc/os-release, the fields scripts read. */
export function osRelease(identity: SystemIdentity, id: string): string {
  return [`PRETTY_NAME="${identity.prettyName}"`, `NAME="${identity.prettyName.split(' ')[0]}"`, `ID=${id}`].join('\n');
}
