/**
 * A domain's text console: the tty that xenconsoled (dom0, PV guests) or the emulated
 * serial port (HVM guests) connects to. It plays the boot messages as they come due on
 * the virtual clock, then runs the OS's programs (login, a shell, full-screen programs
 * such as top), one in the foreground at a time. Every viewer of the console (text and
 * graphical) shares it, as they share a real tty. It ends when its domain does.
 */
import type { TimerId } from '../clock';
import { domainGeneration } from '../domains';
import type { Simulator } from '../simulator';
import type { BootScript } from './boot-script';
import { forgetIncarnation } from './incarnation-state';

export interface TerminalProgram {
  start(): void;
  /** One character of keyboard input (escape sequences arrive a character at a time). */
  input(text: string): void;
  /** The program it started has exited; it has the screen again. */
  resume?(): void;
  /** It loses the terminal for good: cancel its timers. */
  stop(): void;
}

export interface TerminalSetup {
  boot: BootScript;
  startMs: number;
  /** What init runs on the console once the OS is up: getty's login prompt. */
  getty: (terminal: GuestTerminal) => TerminalProgram;
}

/** How much output a console keeps to show a viewer who connects later. */
const HISTORY_LIMIT = 64 * 1024;

export class GuestTerminal {
  ended = false;
  /** Whether the kernel's frame buffer has taken the screen over from VGA text mode. */
  framebuffer = false;
  private history = '';
  private readonly programs: TerminalProgram[] = [];
  private readonly timers = new Set<TimerId>();
  private pendingInput = '';
  private readonly outputListeners = new Set<(text: string) => void>();
  private readonly endListeners = new Set<() => void>();
  private readonly framebufferListeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly sim: Simulator,
    readonly vm: string,
    private readonly generation: number,
    setup: TerminalSetup,
  ) {
    this.unsubscribe = sim.db.onChange((change) => {
      if (change.cls === 'VM' && change.ref === vm) this.domainChanged();
    });
    this.playBoot(setup);
  }

  /** Prints to the console; a bare "\n" becomes "\r\n", as the tty's output processing does. */
  write(text: string): void {
    if (this.ended || text === '') return;
    const out = text.replace(/\r?\n/g, '\r\n');
    this.history += out;
    if (this.history.length > HISTORY_LIMIT) this.trimHistory();
    for (const listener of this.outputListeners) listener(out);
  }

  /**
   * Keeps the last three quarters of the limit, from the start of a line, or of an escape
   * sequence when a full-screen program (which positions rather than breaks lines) printed it.
   */
  private trimHistory(): void {
    const from = this.history.length - (HISTORY_LIMIT * 3) / 4;
    const line = this.history.indexOf('\n', from);
    const start = line >= 0 ? line + 1 : Math.max(from, this.history.indexOf('\x1b', from));
    this.history = this.history.slice(start);
  }

  /** The recent output, from a line's start, for a viewer who connects now. */
  recentOutput(): string {
    return this.history;
  }

  onOutput(listener: (text: string) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  onEnd(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  onFramebuffer(listener: () => void): () => void {
    this.framebufferListeners.add(listener);
    return () => this.framebufferListeners.delete(listener);
  }

  /**
   * Keyboard input, one character at a time to whichever program has the foreground then
   * (a line that starts top hands the rest of the input to top). A paused domain runs
   * nothing: its input waits until it runs again.
   */
  input(text: string): void {
    if (this.ended) return;
    if (this.paused()) {
      this.pendingInput += text;
      return;
    }
    for (const ch of text) this.programs.at(-1)?.input(ch);
  }

  /** A timer on the virtual clock that dies with the terminal. */
  schedule(delayMs: number, fn: () => void): TimerId {
    const id = this.sim.clock.schedule(delayMs, () => {
      this.timers.delete(id);
      if (!this.ended) fn();
    });
    this.timers.add(id);
    return id;
  }

  cancel(id: TimerId): void {
    this.sim.clock.cancel(id);
    this.timers.delete(id);
  }

  /** Starts `program` in the foreground; the current one resumes when it exits. */
  run(program: TerminalProgram): void {
    this.programs.push(program);
    program.start();
  }

  /** The foreground program has finished; the one below it gets the screen back. */
  exit(program: TerminalProgram): void {
    const at = this.programs.indexOf(program);
    if (at < 0) return;
    program.stop();
    this.programs.splice(at, 1);
    if (at === this.programs.length) this.programs.at(-1)?.resume?.();
  }

  /** Replaces every program (a login becoming a shell, a logout becoming a login). */
  replace(program: TerminalProgram): void {
    for (const old of this.programs.splice(0)) old.stop();
    this.run(program);
  }

  /** The domain is gone or rebuilt: nothing more is printed, and every viewer is told. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.unsubscribe();
    forgetIncarnation(this.sim, this.vm, this.generation);
    for (const program of this.programs.splice(0)) program.stop();
    for (const id of this.timers) this.sim.clock.cancel(id);
    this.timers.clear();
    for (const listener of this.endListeners) listener();
  }

  private paused(): boolean {
    return this.sim.db.find<{ power_state: string }>('VM', this.vm)?.power_state === 'Paused';
  }

  private domainChanged(): void {
    if (!this.sim.db.has('VM', this.vm) || domainGeneration(this.sim, this.vm) !== this.generation) {
      this.end();
      return;
    }
    if (this.pendingInput && !this.paused()) {
      const text = this.pendingInput;
      this.pendingInput = '';
      this.input(text);
    }
  }

  /** Prints each boot line when its time comes (at once for what is already past), then starts getty. */
  private playBoot({ boot, startMs, getty }: TerminalSetup): void {
    let next = 0;
    const due = () => {
      const now = this.sim.clock.now();
      while (next < boot.lines.length && startMs + boot.lines[next].offsetMs <= now) {
        const line = boot.lines[next++];
        this.write(`${line.text}\n`);
        if (line.framebuffer) this.switchToFramebuffer();
      }
      if (next < boot.lines.length) this.schedule(startMs + boot.lines[next].offsetMs - now, due);
      else if (startMs + boot.loginAtMs > now)
        this.schedule(startMs + boot.loginAtMs - now, () => this.run(getty(this)));
      else this.run(getty(this));
    };
    due();
  }

  private switchToFramebuffer(): void {
    this.framebuffer = true;
    for (const listener of this.framebufferListeners) listener();
  }
}
