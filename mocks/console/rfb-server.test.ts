import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { guestOf } from '../sim/domains';
import { named } from '../sim/lookup';
import { createSimulator } from '../sim/scenarios/index';
import type { Simulator } from '../sim/simulator';
import { call, login } from '../xapi/testing';
import { type ConsoleSession, openConsole } from './console-sessions';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from './font';
import { guestDisplay } from './guest-display';
import { XK } from './keyboard';
import { RfbTestClient } from './testing';
import { PALETTE } from './text-display';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

const vm = (name: string) => named(sim, 'VM', name);

/** noVNC's choice: 32 bits, red in the low byte. */
const NOVNC_FORMAT = {
  bitsPerPixel: 32 as const,
  depth: 24,
  bigEndian: false,
  trueColour: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 0,
  greenShift: 8,
  blueShift: 16,
};

function connect(name: string): { client: RfbTestClient; console: ConsoleSession; closed: string[] } {
  const opening = openConsole(sim, {
    route: 'websocket',
    query: new URLSearchParams({ ref: vm(name), session_id: session }),
  });
  if ('refusal' in opening) throw new Error(`refused: ${opening.refusal.status}`);
  const console = opening.accept();
  const client = new RfbTestClient((bytes) => console.receive(bytes));
  const closed: string[] = [];
  console.onSend((bytes) => client.feed(bytes));
  console.onClose(() => closed.push('closed'));
  return { client, console, closed };
}

/** Each printable glyph by its rows (all of them, or all but the two a cursor underlines), to read text from pixels. */
const glyphKey = (rows: ArrayLike<number>, count: number) => Array.from(rows).slice(0, count).join(',');
const FULL = new Map<string, string>();
const UNDER_CURSOR = new Map<string, string>();
for (let code = 0x20; code < 0x7f; code++) {
  FULL.set(glyphKey(glyph(code), GLYPH_HEIGHT), String.fromCharCode(code));
  const partial = glyphKey(glyph(code), GLYPH_HEIGHT - 2);
  if (!UNDER_CURSOR.has(partial)) UNDER_CURSOR.set(partial, String.fromCharCode(code));
}

/** Whether the client's copy of the screen is the guest's screen, pixel for pixel. */
const sameScreen = (a: Uint32Array, b: Uint32Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));

/** The text a row of 8×16 cells shows on the client's screen (lit pixels against the black background). */
function textAt(client: RfbTestClient, row: number, cols: number): string {
  let text = '';
  for (let col = 0; col < cols; col++) {
    const rows: number[] = [];
    for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
      let bits = 0;
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (client.screen[(row * GLYPH_HEIGHT + gy) * client.width + col * GLYPH_WIDTH + gx] !== PALETTE[0])
          bits |= 1 << gx;
      }
      rows.push(bits);
    }
    text += FULL.get(glyphKey(rows, GLYPH_HEIGHT)) ?? UNDER_CURSOR.get(glyphKey(rows, GLYPH_HEIGHT - 2)) ?? '?';
  }
  return text.trimEnd();
}

describe('the RFB server behind a graphical console', () => {
  it('speaks 3.8 with security None and names the desktop after the VM', async () => {
    const { client } = connect('web-01');
    await client.handshake();
    expect({ width: client.width, height: client.height, name: client.name }).toEqual({
      width: 1024,
      height: 768,
      name: 'web-01',
    });
  });

  it('accepts 3.3 and 3.7 clients too', async () => {
    for (const version of ['RFB 003.003\n', 'RFB 003.007\n']) {
      const { client } = connect('web-01');
      await client.handshake(version);
      expect(client.name).toBe('web-01');
    }
  });

  it('closes on a client that does not speak RFB 3', async () => {
    const { client, console, closed } = connect('web-01');
    await client.read(12);
    console.receive(new TextEncoder().encode('GET / HTTP/1'));
    expect(closed).toEqual(['closed']);
  });

  it("sends the whole screen on a full request, in the client's pixel format, showing the guest's text console", async () => {
    const { client } = connect('web-01');
    await client.handshake();
    client.setPixelFormat(NOVNC_FORMAT);
    client.setEncodings([0, -223]);
    client.requestUpdate(false);
    const rects = await client.readUpdate();
    expect(rects).toEqual([{ x: 0, y: 0, w: 1024, h: 768, encoding: 0 }]);
    const display = guestDisplay(sim, vm('web-01'))!;
    expect(sameScreen(client.screen, display.framebuffer.pixels)).toBe(true);
    // The login prompt is on the screen, in the console's own characters.
    const rows = Array.from({ length: 48 }, (_, r) => textAt(client, r, 40));
    // The cursor, an underline, waits after the prompt.
    expect(rows).toContain('web-01 login: _');
  });

  it('answers an incremental request only when something changed, and then with just that', async () => {
    const { client } = connect('web-01');
    await client.handshake();
    client.requestUpdate(false);
    await client.readUpdate();
    client.requestUpdate(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.unread).toBe(0);
    client.press('r');
    const [rect] = await client.readUpdate();
    expect(rect.w * rect.h).toBeLessThanOrEqual(2 * GLYPH_WIDTH * GLYPH_HEIGHT);
  });

  it('types into the same shell as the text console, and shows its answer', async () => {
    const ref = vm('web-01');
    const { client } = connect('web-01');
    await client.handshake();
    client.requestUpdate(false);
    await client.readUpdate();
    client.press('root', XK.Return, 'xenith', XK.Return, 'nproc', XK.Return);
    client.requestUpdate(false);
    await client.readUpdate();
    const rows = Array.from({ length: 48 }, (_, r) => textAt(client, r, 40));
    const at = rows.indexOf('root@web-01:~# nproc');
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toBe(
      String(
        sim.db.get<XapiRecord<'VM_metrics'>>('VM_metrics', sim.db.get<XapiRecord<'VM'>>('VM', ref).metrics)
          .VCPUs_number,
      ),
    );
    // Ctrl+C through the keyboard: the control code, not the letter.
    client.key(XK.Control_L, true);
    client.press('c');
    client.key(XK.Control_L, false);
    client.requestUpdate(false);
    await client.readUpdate();
    expect(Array.from({ length: 48 }, (_, r) => textAt(client, r, 40))).toContain('root@web-01:~# ^C');
  });

  it('starts a booting HVM guest in VGA text mode and follows the switch to 1024×768 with DesktopSize', async () => {
    const ref = vm('backup-proxy');
    await call(sim, 'VM.start', session, ref, false, false);
    sim.clock.advance(200);
    const { client } = connect('backup-proxy');
    await client.handshake();
    expect([client.width, client.height]).toEqual([640, 400]);
    client.setEncodings([0, -223]);
    client.requestUpdate(false);
    await client.readUpdate();
    client.requestUpdate(true);
    sim.clock.advance(guestOf(sim, ref).bootMs);
    // The first change answered the outstanding request; the switch waits for the next.
    expect((await client.readUpdate()).every((r) => r.encoding === 0 && r.x + r.w <= 640)).toBe(true);
    client.requestUpdate(true);
    const rects = await client.readUpdate();
    expect(rects).toEqual([
      { x: 0, y: 0, w: 1024, h: 768, encoding: -223 },
      { x: 0, y: 0, w: 1024, h: 768, encoding: 0 },
    ]);
    expect(sameScreen(client.screen, guestDisplay(sim, ref)!.framebuffer.pixels)).toBe(true);
  });

  it('reboots a Linux guest on Ctrl+Alt+Del, and the connection closes as the domain is rebuilt', async () => {
    const ref = vm('web-01');
    const domid = sim.db.get<XapiRecord<'VM'>>('VM', ref).domid;
    const { client, closed } = connect('web-01');
    await client.handshake();
    client.key(XK.Control_L, true);
    client.key(XK.Alt_L, true);
    client.press(XK.Delete);
    sim.clock.advance(guestOf(sim, ref).shutdownMs);
    expect(closed).toEqual(['closed']);
    expect(sim.db.get<XapiRecord<'VM'>>('VM', ref)).toMatchObject({ power_state: 'Running' });
    expect(sim.db.get<XapiRecord<'VM'>>('VM', ref).domid).not.toBe(domid);
  });

  it("shows a Windows guest's sign-in screen, which Ctrl+Alt+Del and the password open", async () => {
    const { client } = connect('win-dc01');
    await client.handshake();
    client.requestUpdate(false);
    await client.readUpdate();
    const locked = client.screen.slice();
    client.requestUpdate(true);
    client.key(XK.Control_L, true);
    client.key(XK.Alt_L, true);
    client.press(XK.Delete);
    client.key(XK.Alt_L, false);
    client.key(XK.Control_L, false);
    await client.readUpdate();
    expect(sameScreen(client.screen, locked)).toBe(false);
    const signIn = client.screen.slice();
    client.requestUpdate(true);
    client.press('xen');
    const [typed] = await client.readUpdate();
    // Only the password box changes as the dots appear.
    expect(typed.w).toBeLessThan(400);
    expect(typed.h).toBeLessThanOrEqual(40);
    client.press('ith', XK.Return);
    client.requestUpdate(true);
    await client.readUpdate();
    sim.clock.advance(2_000);
    client.requestUpdate(true);
    await client.readUpdate();
    // The desktop: its taskbar along the bottom.
    expect(client.screen[(768 - 10) * 1024 + 500]).toBe(0x1f1f1f);
    expect(sameScreen(client.screen, signIn)).toBe(false);
  });
});
