/**
 * A running guest's kernel log (what `dmesg` prints): the kernel's boot messages as they
 * come due on the virtual clock, then what the kernel noticed while it ran: balloon
 * targets and vCPUs plugged in or out (mocks/sim/guest-log.ts), in its own words.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { guestOf } from '../domains';
import { type GuestKernelEvent, guestKernelEvents } from '../guest-log';
import type { Simulator } from '../simulator';
import { type BootScript, linuxBootScript } from './boot-script';
import { hostBootScript } from './host-boot-script';
import { perIncarnation } from './incarnation-state';

interface KernelLogState {
  startMs: number;
  /** Built when first read: thousands of guests boot whose logs nobody reads. */
  script?: BootScript;
}

const KERNEL_LOG = Symbol('kernel log');
const KiB = 1024;

/** What the guest's kernel prints when the model tells it something. */
function eventText(event: GuestKernelEvent): string {
  switch (event.kind) {
    case 'balloon-target':
      return `xen:balloon: target ${event.toBytes / KiB} kB (was ${event.fromBytes / KiB} kB)`;
    case 'balloon-reached':
      return `xen:balloon: reached target, ${event.bytes / KiB} kB held`;
    case 'vcpu-online':
      return `CPU${event.cpu} has been hot-added`;
    case 'vcpu-offline':
      return `smpboot: CPU ${event.cpu} is now offline`;
  }
}

/** What the domain prints while it boots: dom0's, a Linux guest's, or nothing (Windows has no text console). */
function bootScriptOf(sim: Simulator, vm: string): BootScript {
  const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  if (record.is_control_domain) return hostBootScript(sim, record.resident_on, vm);
  if (guestOf(sim, vm).os === 'linux') return linuxBootScript(sim, vm);
  return { lines: [], kernelStartMs: 0, loginAtMs: 0 };
}

function state(sim: Simulator, vm: string): KernelLogState | undefined {
  return perIncarnation(KERNEL_LOG, sim, vm, ({ startMs }): KernelLogState => ({ startMs }));
}

function scriptOf(sim: Simulator, vm: string, s: KernelLogState): BootScript {
  s.script ??= bootScriptOf(sim, vm);
  return s.script;
}

/** The running domain's boot script and when it started; undefined without a domain. */
export function domainBoot(sim: Simulator, vm: string): { startMs: number; script: BootScript } | undefined {
  const s = state(sim, vm);
  return s && { startMs: s.startMs, script: scriptOf(sim, vm, s) };
}

export interface KernelLogLine {
  /** Since the kernel started. */
  seconds: number;
  text: string;
}

/** The kernel's messages so far, oldest first. */
export function guestKernelLog(sim: Simulator, vm: string): KernelLogLine[] {
  const s = state(sim, vm);
  if (!s) return [];
  const now = sim.clock.now();
  const script = scriptOf(sim, vm, s);
  const kernelStart = s.startMs + script.kernelStartMs;
  const boot = script.lines
    .filter((line) => line.kernel && s.startMs + line.offsetMs <= now)
    .map((line) => ({ atMs: s.startMs + line.offsetMs, text: line.text }));
  const noticed = guestKernelEvents(sim, vm).map((event) => ({ atMs: event.atMs, text: eventText(event) }));
  return [...boot, ...noticed].map(({ atMs, text }) => ({
    seconds: Math.max(0, atMs - kernelStart) / 1000,
    text,
  }));
}

/** dmesg's format: "[    1.234567] text". */
export function formatKernelLog(lines: KernelLogLine[]): string {
  return lines
    .map(({ seconds, text }) => {
      const totalMicros = Math.round(seconds * 1e6);
      const whole = Math.floor(totalMicros / 1e6);
      const micros = totalMicros % 1e6;
      return `[${String(whole).padStart(5)}.${String(micros).padStart(6, '0')}] ${text}`;
    })
    .join('\n');
}
