/**
 * Draws a Windows guest's screen at 1024×768: the boot logo, the lock screen with its
 * clock, the sign-in box, the desktop with its taskbar. Times are the virtual clock's,
 * in UTC.
 */

import { type LogonScreen, WINDOWS_USER } from '../sim/guest/windows-logon';
import { GLYPH_HEIGHT } from './font';
import { Framebuffer } from './framebuffer';

export const WINDOWS_WIDTH = 1024;
export const WINDOWS_HEIGHT = 768;

const WHITE = 0xffffff;
const GREY = 0xb0b0b0;
const LOCK_BLUE = 0x0b3a6e;
const DESKTOP_BLUE = 0x004e8c;
const TASKBAR = 0x1f1f1f;
const LOGO_BLUE = 0x00a4ef;

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface WindowsScene {
  screen: LogonScreen;
  passwordLength: number;
  nowMs: number;
  /** e.g. "Microsoft Windows Server 2022 Standard". */
  osName: string;
  build: string;
}

function centred(fb: Framebuffer, y: number, text: string, colour: number, scale: number): void {
  fb.drawText(Math.round((fb.width - Framebuffer.textWidth(text, scale)) / 2), y, text, colour, undefined, scale);
}

/** Four squares: the shape of the logo, not the logo. */
function logo(fb: Framebuffer, cx: number, cy: number, size: number): void {
  const half = Math.floor(size / 2) - 3;
  for (const [dx, dy] of [
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ]) {
    fb.fillRect(cx + (dx < 0 ? -half - 3 : 3), cy + (dy < 0 ? -half - 3 : 3), half, half, LOGO_BLUE);
  }
}

function clockText(ms: number): { time: string; date: string; short: string } {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    time: `${d.getUTCHours()}:${two(d.getUTCMinutes())}`,
    date: `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`,
    short: `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
  };
}

function booting(fb: Framebuffer): void {
  fb.fillRect(0, 0, fb.width, fb.height, 0x000000);
  logo(fb, fb.width / 2, 300, 160);
  centred(fb, 520, 'Please wait', WHITE, 1);
}

function locked(fb: Framebuffer, scene: WindowsScene): void {
  fb.fillRect(0, 0, fb.width, fb.height, LOCK_BLUE);
  const { time, date } = clockText(scene.nowMs);
  fb.drawText(60, 480, time, WHITE, undefined, 7);
  fb.drawText(64, 480 + GLYPH_HEIGHT * 7 + 10, date, WHITE, undefined, 3);
  centred(fb, 700, 'Press Ctrl+Alt+Delete to sign in.', WHITE, 2);
}

function signIn(fb: Framebuffer, scene: WindowsScene): void {
  fb.fillRect(0, 0, fb.width, fb.height, LOCK_BLUE);
  const cx = fb.width / 2;
  fb.fillCircle(cx, 230, 90, 0x3c6ea5);
  fb.fillCircle(cx, 205, 32, WHITE);
  fb.fillRect(cx - 52, 250, 104, 40, WHITE);
  centred(fb, 345, WINDOWS_USER, WHITE, 3);
  if (scene.screen === 'wrong-password') {
    centred(fb, 420, 'The password is incorrect. Try again.', WHITE, 2);
    fb.fillRect(cx - 70, 470, 140, 40, 0x5a7ea8);
    centred(fb, 482, 'OK', WHITE, 1);
    return;
  }
  const box = { x: cx - 160, y: 420, w: 320, h: 40 };
  fb.fillRect(box.x, box.y, box.w, box.h, WHITE);
  fb.fillRect(box.x + box.w, box.y, 40, box.h, 0x5a7ea8);
  fb.drawText(box.x + box.w + 16, box.y + 12, '>', WHITE);
  if (scene.passwordLength === 0) fb.drawText(box.x + 12, box.y + 12, 'Password', 0x707070);
  else fb.drawText(box.x + 12, box.y + 12, '\u25cf'.repeat(Math.min(scene.passwordLength, 36)), 0x202020);
  centred(fb, 700, 'Press Esc to go back.', GREY, 1);
}

function welcome(fb: Framebuffer): void {
  fb.fillRect(0, 0, fb.width, fb.height, LOCK_BLUE);
  centred(fb, 340, 'Welcome', WHITE, 4);
}

function desktop(fb: Framebuffer, scene: WindowsScene): void {
  fb.fillRect(0, 0, fb.width, fb.height, DESKTOP_BLUE);
  const bar = fb.height - 40;
  fb.fillRect(0, bar, fb.width, 40, TASKBAR);
  logo(fb, 24, bar + 20, 24);
  const { time, short } = clockText(scene.nowMs);
  fb.drawText(fb.width - 100, bar + 4, time.padStart(5), WHITE);
  fb.drawText(fb.width - 100, bar + 20, short, WHITE);
  const name = scene.osName.replace(/^Microsoft /, '');
  fb.drawText(fb.width - Framebuffer.textWidth(name) - 16, bar - 44, name, WHITE);
  fb.drawText(fb.width - Framebuffer.textWidth(`Build ${scene.build}`) - 16, bar - 24, `Build ${scene.build}`, WHITE);
}

/** Paints the whole screen for `scene`. */
export function drawWindows(fb: Framebuffer, scene: WindowsScene): void {
  switch (scene.screen) {
    case 'booting':
      booting(fb);
      return;
    case 'locked':
      locked(fb, scene);
      return;
    case 'password':
    case 'wrong-password':
      signIn(fb, scene);
      return;
    case 'welcome':
      welcome(fb);
      return;
    case 'desktop':
      desktop(fb, scene);
      return;
  }
}
