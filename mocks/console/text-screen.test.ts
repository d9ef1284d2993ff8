import { describe, expect, it } from 'vitest';
import { Framebuffer } from './framebuffer';
import { PALETTE, TextDisplay } from './text-display';
import { cellColours, TextScreen } from './text-screen';

const rows = (screen: TextScreen) => Array.from({ length: screen.rows }, (_, y) => screen.rowText(y));

describe('the console screen', () => {
  it('wraps at the last column only when the next character comes, and scrolls at the bottom', () => {
    const screen = new TextScreen(4, 2);
    screen.write('abcd');
    expect([screen.cursorX, screen.cursorY]).toEqual([3, 0]);
    screen.write('e\r\nf');
    expect(rows(screen)).toEqual(['e', 'f']);
  });

  it('moves, erases and positions as the escape sequences say', () => {
    const screen = new TextScreen(10, 3);
    screen.write('hello\r\nworld');
    screen.write('\x1b[1;3H\x1b[K');
    expect(rows(screen)).toEqual(['he', 'world', '']);
    screen.write('\x1b[2J\x1b[3;4HX\x1b[2DY');
    expect(rows(screen)).toEqual(['', '', '  YX']);
    screen.write('\b\b\x1b[?25l');
    expect(screen.cursorX).toBe(1);
    expect(screen.cursorVisible).toBe(false);
  });

  it('keeps colours per cell: 16 colours, bold as bright, inverse, reset', () => {
    const screen = new TextScreen(8, 1);
    screen.write('\x1b[0;32mG\x1b[1mB\x1b[7mI\x1b[0mN\x1b[37;41mR');
    expect(Array.from(screen.attrs.subarray(0, 5), (a) => cellColours(a))).toEqual([
      { fg: 2, bg: 0 },
      { fg: 10, bg: 0 },
      { fg: 0, bg: 10 },
      { fg: 7, bg: 0 },
      { fg: 7, bg: 1 },
    ]);
  });

  it('keeps the lines around the cursor when it shrinks, as the console does on a mode switch', () => {
    const screen = new TextScreen(6, 4);
    screen.write('one\r\ntwo\r\nthree\r\nfour');
    screen.resize(3, 2);
    expect(rows(screen)).toEqual(['thr', 'fou']);
    expect([screen.cursorX, screen.cursorY]).toEqual([2, 1]);
  });
});

describe('drawing the console', () => {
  it('redraws only the cells that changed, and the cursor as an underline', () => {
    const screen = new TextScreen(10, 2);
    const fb = new Framebuffer(80, 32);
    const display = new TextDisplay(screen, fb);
    display.render();
    screen.write('ab');
    expect(display.render()).toEqual([{ x: 0, y: 0, w: 24, h: 16 }]);
    expect(display.render()).toEqual([]);
    // The underline under the cursor (third cell), in the foreground colour.
    expect(fb.pixels[15 * 80 + 16]).toBe(PALETTE[7]);
    expect(fb.pixels[13 * 80 + 16]).toBe(PALETTE[0]);
  });
});
