/**
 * A Windows guest's screen, as state: the boot animation until the OS is up, then the
 * lock screen ("Press Ctrl+Alt+Delete to sign in"), the sign-in screen with its password
 * box, a wrong-password notice, a brief "Welcome", and the desktop. Keys move it along;
 * mocks/console draws it. The Administrator password is WINDOWS_ADMIN_PASSWORD.
 */
import { domainGeneration, guestOf } from '../domains';
import type { Simulator } from '../simulator';
import { forgetIncarnation, type Incarnation, perIncarnation } from './incarnation-state';

export const WINDOWS_ADMIN_PASSWORD = 'xenith';
export const WINDOWS_USER = 'Administrator';

export type LogonScreen = 'booting' | 'locked' | 'password' | 'wrong-password' | 'welcome' | 'desktop';

/** How long "Welcome" shows before the desktop. */
const WELCOME_MS = 2_000;
/** Longest password the box takes. */
const MAX_PASSWORD = 127;

export class WindowsLogon {
  screen: LogonScreen = 'booting';
  private password = '';
  ended = false;
  private readonly listeners = new Set<() => void>();
  private readonly endListeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  private readonly generation: number;

  constructor(
    readonly sim: Simulator,
    readonly vm: string,
    { generation, startMs }: Incarnation,
  ) {
    this.generation = generation;
    this.unsubscribe = sim.db.onChange((change) => {
      if (change.cls !== 'VM' || change.ref !== vm) return;
      if (!sim.db.has('VM', vm) || domainGeneration(sim, vm) !== generation) this.end();
    });
    // The logon screen appears when the OS is nearly up, just before its agent reports.
    const upAt = startMs + guestOf(sim, vm).bootMs * 0.9;
    if (upAt <= sim.clock.now()) this.screen = 'locked';
    else sim.clock.schedule(upAt - sim.clock.now(), () => this.show('locked'));
  }

  /** How many characters the password box holds (it shows dots, not the password). */
  get passwordLength(): number {
    return this.password.length;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEnd(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /** The secure attention sequence: the way to the sign-in box, or to lock a signed-in session. */
  ctrlAltDel(): void {
    if (this.screen === 'locked') this.show('password');
    else if (this.screen === 'desktop') this.show('locked');
  }

  /** Typed text, as a terminal would send it: "\r" Enter, "\x7f" Backspace, "\x1b" Escape. */
  type(text: string): void {
    for (const ch of text) this.key(ch);
  }

  private key(ch: string): void {
    if (this.screen === 'wrong-password') {
      if (ch === '\r' || ch === '\x1b') this.show('password');
      return;
    }
    if (this.screen !== 'password') return;
    if (ch === '\r') this.submit();
    else if (ch === '\x1b') this.show('locked');
    else if (ch === '\x7f' || ch === '\b') this.setPassword(this.password.slice(0, -1));
    else if (ch >= ' ' && this.password.length < MAX_PASSWORD) this.setPassword(this.password + ch);
  }

  private submit(): void {
    const right = this.password === WINDOWS_ADMIN_PASSWORD;
    this.password = '';
    if (!right) {
      this.show('wrong-password');
      return;
    }
    this.show('welcome');
    this.sim.clock.schedule(WELCOME_MS, () => {
      if (this.screen === 'welcome') this.show('desktop');
    });
  }

  private setPassword(password: string): void {
    this.password = password;
    this.changed();
  }

  private show(screen: LogonScreen): void {
    if (this.ended) return;
    if (screen !== 'password') this.password = '';
    this.screen = screen;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.unsubscribe();
    forgetIncarnation(this.sim, this.vm, this.generation);
    for (const listener of this.endListeners) listener();
  }
}

const LOGON = Symbol('windows logon');

/** The running Windows guest's screen state, or undefined if it is not a running Windows guest. */
export function windowsLogon(sim: Simulator, vm: string): WindowsLogon | undefined {
  if (guestOf(sim, vm).os !== 'windows') return undefined;
  return perIncarnation(LOGON, sim, vm, (incarnation) => new WindowsLogon(sim, vm, incarnation));
}
