// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { listenForLeaveKey } from './screen-handle';

const screen = document.createElement('div');
let left = 0;
const stop = listenForLeaveKey(screen, () => left++);

afterEach(() => {
  left = 0;
});

const key = (type: 'keydown' | 'keyup', key: string) =>
  screen.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true }));

describe('the key that leaves the console', () => {
  it('is Ctrl and Alt pressed together and let go, in either order', () => {
    key('keydown', 'Control');
    key('keydown', 'Alt');
    key('keyup', 'Alt');
    key('keyup', 'Control');
    key('keydown', 'Alt');
    key('keydown', 'Control');
    key('keyup', 'Control');
    key('keyup', 'Alt');
    expect(left).toBe(2);
  });

  it('leaves the guest its own chords: Ctrl+], Ctrl+Alt+F1 and AltGr', () => {
    key('keydown', 'Control');
    key('keydown', ']');
    key('keyup', ']');
    key('keyup', 'Control');
    key('keydown', 'Control');
    key('keydown', 'Alt');
    key('keydown', 'F1');
    key('keyup', 'F1');
    key('keyup', 'Alt');
    key('keyup', 'Control');
    key('keydown', 'Control');
    key('keydown', 'AltGraph');
    key('keyup', 'AltGraph');
    key('keyup', 'Control');
    expect(left).toBe(0);
  });

  it('lets the keys through to the console', () => {
    const seen: string[] = [];
    const inner = document.createElement('textarea');
    screen.append(inner);
    inner.addEventListener('keydown', (event) => seen.push(event.key));
    inner.dispatchEvent(new KeyboardEvent('keydown', { key: 'Control', bubbles: true }));
    inner.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', bubbles: true }));
    expect(seen).toEqual(['Control', 'Alt']);
    stop();
  });
});
