/**
 * A running guest's kernel log (what `dmesg` prints): the kernel's boot messages as they
 * come due on the virtual clock, then whatever the model appends while the guest runs.
 *
 * Hook for other parts of the model: `appendGuestKernelLog(sim, vm, text)` when the
 * kernel would log something, e.g. the balloon driver reaching a new target or a vCPU
 * being hot-added ("CPU3 has been hot-added"). The line is stamped with the virtual time.
 */
import type { XapiRecord } from '../../../src/xapi/model/types';
import { guestOf } from '../domains';
import type { Simulator } from '../simulator';
import { type BootScript, linuxBootScript } from './boot-script';
import { hostBootScript } from './host-boot-script';
import { perIncarnation } from './incarnation-state';

interface KernelLogState {
  startMs: number;
  /** Built when first read: the model may append to thousands of guests' logs nobody reads. */
  script?: BootScript;
  appended: { atMs: number; text: string }[];
}

const KERNEL_LOG = Symbol('kernel log');
/** The kernel's ring buffer keeps the newest messages; so does this. */
const APPENDED_LIMIT = 2_000;

/** What the domain prints while it boots: dom0's, a Linux guest's, or nothing (Windows has no text console). */
function bootScriptOf(sim: Simulator, vm: string): BootScript {
  const record = sim.db.get<XapiRecord<'VM'>>('VM', vm);
  if (record.is_control_domain) return hostBootScript(sim, record.resident_on, vm);
  if (guestOf(sim, vm).os === 'linux') return linuxBootScript(sim, vm);
  return { lines: [], kernelStartMs: 0, loginAtMs: 0 };
}

function state(sim: Simulator, vm: string): KernelLogState | undefined {
  return perIncarnation(KERNEL_LOG, sim, vm, ({ startMs }): KernelLogState => ({ startMs, appended: [] }));
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

/** Adds a kernel message at the current virtual time; ignored when the VM has no domain. */
export function appendGuestKernelLog(sim: Simulator, vm: string, text: string): void {
  const appended = state(sim, vm)?.appended;
  if (!appended) return;
  appended.push({ atMs: sim.clock.now(), text });
  if (appended.length > APPENDED_LIMIT) appended.splice(0, appended.length - APPENDED_LIMIT);
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
  return [...boot, ...s.appended].map(({ atMs, text }) => ({
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
