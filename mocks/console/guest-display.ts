/**
 * What a VM's graphical (rfb) console shows, one per running domain, shared by every
 * viewer: a Linux guest's or dom0's text console rendered into pixels (VGA text mode,
 * then for HVM guests the kernel's 1024×768 frame buffer), or a Windows guest's logon
 * screen and desktop. Keys reach the same programs the text console runs.
 */
import type { XapiRecord } from '../../src/xapi/model/types';
import { guestOf } from '../sim/domains';
import { guestTerminal } from '../sim/guest/guest-consoles';
import { ctrlAltDel } from '../sim/guest/guest-power';
import { perIncarnation } from '../sim/guest/incarnation-state';
import type { GuestTerminal } from '../sim/guest/terminal';
import { type WindowsLogon, windowsLogon } from '../sim/guest/windows-logon';
import type { Simulator } from '../sim/simulator';
import { Framebuffer, type Rect } from './framebuffer';
import type { KeyAction } from './keyboard';
import { TextDisplay } from './text-display';
import { TextScreen } from './text-screen';
import { drawWindows, WINDOWS_HEIGHT, WINDOWS_WIDTH } from './windows-display';

export interface DisplayUpdate {
  rects: Rect[];
  /** The screen changed size: viewers need the new size and a whole frame. */
  resized: boolean;
}

export interface GuestDisplay {
  /** The desktop name RFB announces: the VM's name. */
  readonly name: string;
  readonly framebuffer: Framebuffer;
  onUpdate(listener: (update: DisplayUpdate) => void): () => void;
  onEnd(listener: () => void): () => void;
  key(action: KeyAction): void;
}

/** Listeners shared by both kinds of display. */
class Listeners {
  readonly update = new Set<(update: DisplayUpdate) => void>();
  readonly end = new Set<() => void>();

  emit(update: DisplayUpdate): void {
    if (update.rects.length === 0 && !update.resized) return;
    for (const listener of this.update) listener(update);
  }

  ended(): void {
    for (const listener of this.end) listener();
  }
}

/** VGA text mode (80×25) and the frame buffer console an HVM guest's kernel switches to. */
const VGA = { cols: 80, rows: 25 };
const FRAMEBUFFER = { cols: 128, rows: 48 };

class TextGuestDisplay implements GuestDisplay {
  readonly framebuffer: Framebuffer;
  private readonly screen: TextScreen;
  private readonly text: TextDisplay;
  private readonly listeners = new Listeners();

  constructor(
    readonly name: string,
    private readonly terminal: GuestTerminal,
    private readonly kind: { controlDomain: boolean; switchesToFramebuffer: boolean },
  ) {
    const { cols, rows } = this.geometry();
    const { width, height } = TextDisplay.pixelSize(cols, rows);
    this.framebuffer = new Framebuffer(width, height);
    this.screen = new TextScreen(cols, rows);
    this.text = new TextDisplay(this.screen, this.framebuffer);
    this.screen.write(terminal.recentOutput());
    this.text.render();
    terminal.onOutput((out) => {
      this.screen.write(out);
      this.listeners.emit({ rects: this.text.render(), resized: false });
    });
    terminal.onFramebuffer(() => this.resize());
    terminal.onEnd(() => this.listeners.ended());
  }

  private geometry() {
    return this.kind.switchesToFramebuffer && this.terminal.framebuffer ? FRAMEBUFFER : VGA;
  }

  private resize(): void {
    const { cols, rows } = this.geometry();
    if (cols === this.screen.cols && rows === this.screen.rows) return;
    this.screen.resize(cols, rows);
    const { width, height } = TextDisplay.pixelSize(cols, rows);
    this.framebuffer.resize(width, height);
    this.text.reset();
    this.text.render();
    this.listeners.emit({ rects: [this.framebuffer.bounds], resized: true });
  }

  onUpdate(listener: (update: DisplayUpdate) => void): () => void {
    this.listeners.update.add(listener);
    return () => this.listeners.update.delete(listener);
  }

  onEnd(listener: () => void): () => void {
    this.listeners.end.add(listener);
    return () => this.listeners.end.delete(listener);
  }

  key(action: KeyAction): void {
    if (action.kind === 'text') this.terminal.input(action.text);
    // A guest reboots; dom0 ignores the salute (a host is not rebooted from its console's keyboard).
    else if (!this.kind.controlDomain) ctrlAltDel(this.terminal);
  }
}

/** The rows that differ between two pictures, each as a rectangle spanning its changed columns. */
function changedRects(before: Uint32Array, after: Uint32Array, width: number, height: number): Rect[] {
  const rects: Rect[] = [];
  for (let y = 0; y < height; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0, at = y * width; x < width; x++, at++) {
      if (before[at] === after[at]) continue;
      if (first < 0) first = x;
      last = x;
    }
    if (first < 0) continue;
    const previous = rects.at(-1);
    // Consecutive changed rows merge into one rectangle over their widest span.
    if (previous && previous.y + previous.h === y) {
      const left = Math.min(previous.x, first);
      previous.w = Math.max(previous.x + previous.w, last + 1) - left;
      previous.x = left;
      previous.h++;
    } else rects.push({ x: first, y, w: last - first + 1, h: 1 });
  }
  return rects;
}

class WindowsGuestDisplay implements GuestDisplay {
  readonly framebuffer = new Framebuffer(WINDOWS_WIDTH, WINDOWS_HEIGHT);
  private readonly listeners = new Listeners();
  private clockTimer: number | undefined;

  constructor(
    readonly name: string,
    private readonly sim: Simulator,
    private readonly vm: string,
    private readonly logon: WindowsLogon,
  ) {
    this.draw();
    logon.onChange(() => this.redraw());
    logon.onEnd(() => {
      if (this.clockTimer !== undefined) sim.clock.cancel(this.clockTimer);
      this.listeners.ended();
    });
  }

  private draw(): void {
    const { osVersion } = guestOf(this.sim, this.vm);
    drawWindows(this.framebuffer, {
      screen: this.logon.screen,
      passwordLength: this.logon.passwordLength,
      nowMs: this.sim.clock.now(),
      osName: osVersion.name ?? 'Windows',
      build: osVersion.build ?? '',
    });
    // The clock on the lock screen and the taskbar turns over on the minute.
    if (this.clockTimer !== undefined) this.sim.clock.cancel(this.clockTimer);
    this.clockTimer = this.sim.clock.schedule(60_000 - (this.sim.clock.now() % 60_000), () => this.redraw());
  }

  private redraw(): void {
    if (this.logon.ended) return;
    const before = this.framebuffer.pixels.slice();
    this.draw();
    const { pixels, width, height } = this.framebuffer;
    this.listeners.emit({ rects: changedRects(before, pixels, width, height), resized: false });
  }

  onUpdate(listener: (update: DisplayUpdate) => void): () => void {
    this.listeners.update.add(listener);
    return () => this.listeners.update.delete(listener);
  }

  onEnd(listener: () => void): () => void {
    this.listeners.end.add(listener);
    return () => this.listeners.end.delete(listener);
  }

  key(action: KeyAction): void {
    if (action.kind === 'ctrl-alt-del') this.logon.ctrlAltDel();
    else this.logon.type(action.text);
  }
}

const DISPLAY = Symbol('display');

/** The running domain's screen, or undefined when the VM has no domain. */
export function guestDisplay(sim: Simulator, vm: string): GuestDisplay | undefined {
  const record = sim.db.find<XapiRecord<'VM'>>('VM', vm);
  if (!record) return undefined;
  return perIncarnation(DISPLAY, sim, vm, () => {
    const logon = windowsLogon(sim, vm);
    if (logon) return new WindowsGuestDisplay(record.name_label, sim, vm, logon);
    return new TextGuestDisplay(record.name_label, guestTerminal(sim, vm)!, {
      controlDomain: record.is_control_domain,
      // An HVM guest's kernel takes the screen over from VGA text mode; vncterm keeps 80×25.
      switchesToFramebuffer: !record.is_control_domain && record.domain_type === 'hvm',
    });
  });
}
