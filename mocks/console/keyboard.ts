/**
 * Turns RFB key events (X11 keysyms, down and up) into what a guest receives: the bytes a
 * terminal sends for each key (arrows as escape sequences, Ctrl+letter as control codes)
 * or Ctrl+Alt+Del. Each viewer has its own keyboard, so each tracks its own modifiers.
 */

export type KeyAction = { kind: 'text'; text: string } | { kind: 'ctrl-alt-del' };

/** Keysyms from X11's keysymdef.h. */
export const XK = {
  BackSpace: 0xff08,
  Tab: 0xff09,
  Return: 0xff0d,
  Escape: 0xff1b,
  Home: 0xff50,
  Left: 0xff51,
  Up: 0xff52,
  Right: 0xff53,
  Down: 0xff54,
  End: 0xff57,
  KP_Enter: 0xff8d,
  Delete: 0xffff,
  Shift_L: 0xffe1,
  Shift_R: 0xffe2,
  Control_L: 0xffe3,
  Control_R: 0xffe4,
  Meta_L: 0xffe7,
  Meta_R: 0xffe8,
  Alt_L: 0xffe9,
  Alt_R: 0xffea,
  KP_Delete: 0xff9f,
} as const;

const SPECIAL: Record<number, string> = {
  [XK.BackSpace]: '\x7f',
  [XK.Tab]: '\t',
  [XK.Return]: '\r',
  [XK.KP_Enter]: '\r',
  [XK.Escape]: '\x1b',
  [XK.Up]: '\x1b[A',
  [XK.Down]: '\x1b[B',
  [XK.Right]: '\x1b[C',
  [XK.Left]: '\x1b[D',
  [XK.Home]: '\x1b[H',
  [XK.End]: '\x1b[F',
  [XK.Delete]: '\x1b[3~',
  [XK.KP_Delete]: '\x1b[3~',
};

/** The character a keysym types: Latin-1 keysyms are their code points, Unicode ones carry 0x01000000. */
function typed(keysym: number): string | undefined {
  if ((keysym >= 0x20 && keysym <= 0x7e) || (keysym >= 0xa0 && keysym <= 0xff)) return String.fromCodePoint(keysym);
  if (keysym >= 0x01000100 && keysym <= 0x0110ffff) return String.fromCodePoint(keysym - 0x01000000);
  return undefined;
}

export class KeyboardState {
  private ctrl = new Set<number>();
  private alt = new Set<number>();

  /** What pressing or releasing `keysym` sends, if anything. */
  key(keysym: number, down: boolean): KeyAction | undefined {
    if (keysym === XK.Control_L || keysym === XK.Control_R) {
      this.modifier(this.ctrl, keysym, down);
      return undefined;
    }
    if (keysym === XK.Alt_L || keysym === XK.Alt_R || keysym === XK.Meta_L || keysym === XK.Meta_R) {
      this.modifier(this.alt, keysym, down);
      return undefined;
    }
    if (!down || keysym === XK.Shift_L || keysym === XK.Shift_R) return undefined;
    const ctrl = this.ctrl.size > 0;
    const alt = this.alt.size > 0;
    if (ctrl && alt && (keysym === XK.Delete || keysym === XK.KP_Delete)) return { kind: 'ctrl-alt-del' };
    const special = SPECIAL[keysym];
    if (special) return { kind: 'text', text: special };
    const ch = typed(keysym);
    if (ch === undefined) return undefined;
    if (ctrl) {
      // Ctrl with @, a letter, [, \, ], ^ or _ gives the control code 0x00 to 0x1f.
      const code = ch.toUpperCase().charCodeAt(0);
      if (code >= 0x40 && code <= 0x5f) return { kind: 'text', text: String.fromCharCode(code - 0x40) };
      return undefined;
    }
    return { kind: 'text', text: alt ? `\x1b${ch}` : ch };
  }

  private modifier(set: Set<number>, keysym: number, down: boolean): void {
    if (down) set.add(keysym);
    else set.delete(keysym);
  }
}
