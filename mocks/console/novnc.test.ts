// @vitest-environment jsdom
/**
 * noVNC, the client the console's UI uses, against the simulator's RFB server: it
 * connects, negotiates its own pixel format and encodings, and draws the guest's screen.
 * jsdom has no 2D canvas, so a small one that keeps pixels stands in for the browser's
 * (with the few other browser APIs noVNC needs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { guestTerminal } from '../sim/guest/guest-consoles';
import { windowsLogon } from '../sim/guest/windows-logon';
import { named } from '../sim/lookup';
import { createSimulator } from '../sim/scenarios/index';
import type { Simulator } from '../sim/simulator';
import { login } from '../xapi/testing';
import { openConsole } from './console-sessions';
import { guestDisplay } from './guest-display';

/** The pixels of each canvas, RGBA as a 2D context keeps them. */
const stores = new WeakMap<HTMLCanvasElement, Uint8ClampedArray>();

function storeOf(canvas: HTMLCanvasElement): Uint8ClampedArray {
  let store = stores.get(canvas);
  if (!store || store.length !== canvas.width * canvas.height * 4) {
    store = new Uint8ClampedArray(canvas.width * canvas.height * 4);
    stores.set(canvas, store);
  }
  return store;
}

class PixelImage {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
}

function copy(
  from: Uint8ClampedArray,
  fromWidth: number,
  to: Uint8ClampedArray,
  toWidth: number,
  r: { sx: number; sy: number; dx: number; dy: number; w: number; h: number },
) {
  for (let y = 0; y < r.h; y++) {
    const source = ((r.sy + y) * fromWidth + r.sx) * 4;
    to.set(from.subarray(source, source + r.w * 4), ((r.dy + y) * toWidth + r.dx) * 4);
  }
}

/** The parts of CanvasRenderingContext2D noVNC's display uses. */
function context2d(canvas: HTMLCanvasElement) {
  return {
    canvas,
    fillStyle: '',
    imageSmoothingEnabled: true,
    getImageData(x: number, y: number, w: number, h: number) {
      const out = new Uint8ClampedArray(w * h * 4);
      copy(storeOf(canvas), canvas.width, out, w, { sx: x, sy: y, dx: 0, dy: 0, w, h });
      return new PixelImage(out, w, h);
    },
    putImageData(image: PixelImage, x: number, y: number) {
      copy(image.data, image.width, storeOf(canvas), canvas.width, {
        sx: 0,
        sy: 0,
        dx: x,
        dy: y,
        w: image.width,
        h: image.height,
      });
    },
    drawImage(source: HTMLCanvasElement, ...args: number[]) {
      const [sx, sy, w, h, dx, dy] = args.length >= 8 ? args : [0, 0, source.width, source.height, args[0], args[1]];
      copy(storeOf(source), source.width, storeOf(canvas), canvas.width, { sx, sy, dx, dy, w, h });
    },
    fillRect() {},
    clearRect() {},
    save() {},
    restore() {},
  };
}

/** The parts of noVNC's RFB class used here (the UI keeps its own declaration of the package). */
interface NoVncRfb extends EventTarget {
  sendKey(keysym: number, code: string): void;
  sendCtrlAltDel(): void;
  disconnect(): void;
}
type NoVncRfbClass = new (target: HTMLElement, channel: object) => NoVncRfb;

let RFB: NoVncRfbClass;
let sim: Simulator;
let session: string;

beforeAll(async () => {
  // What a browser page has and jsdom lacks: ImageData, ResizeObserver, a secure context.
  Object.assign(globalThis, {
    ImageData: PixelImage,
    ResizeObserver: class {
      observe() {}
      disconnect() {}
    },
  });
  Object.defineProperty(window, 'isSecureContext', { value: true });
  const specifier = '@novnc/novnc';
  RFB = ((await import(/* @vite-ignore */ specifier)) as { default: NoVncRfbClass }).default;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    return context2d(this);
  } as unknown as HTMLCanvasElement['getContext'];
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

/** A WebSocket-like channel straight to a console session in this process. */
function channelTo(query: Record<string, string>) {
  const opening = openConsole(sim, { route: 'websocket', query: new URLSearchParams(query) });
  if ('refusal' in opening) throw new Error(`refused: ${opening.refusal.status}`);
  const console = opening.accept();
  const channel = {
    binaryType: 'arraybuffer',
    protocol: 'binary',
    readyState: WebSocket.OPEN,
    onopen: null as (() => void) | null,
    onerror: null as (() => void) | null,
    onclose: null as ((e: { code: number }) => void) | null,
    onmessage: null as ((e: { data: ArrayBuffer }) => void) | null,
    send: (data: ArrayBuffer | Uint8Array) =>
      console.receive(data instanceof ArrayBuffer ? new Uint8Array(data) : data),
    close: () => console.close(),
  };
  // Messages arrive as a browser delivers them: later, one event each.
  console.onSend((bytes) => {
    const data = bytes.slice().buffer;
    setTimeout(() => channel.onmessage?.({ data }));
  });
  return channel;
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}

describe("noVNC's client", () => {
  it("connects to a Windows guest's console and draws its screen as the guest has it", async () => {
    const vm = named(sim, 'VM', 'win-dc01');
    const target = document.createElement('div');
    document.body.append(target);
    const rfb = new RFB(target, channelTo({ ref: vm, session_id: session }));
    const names: string[] = [];
    rfb.addEventListener('desktopname', (e) => names.push((e as CustomEvent<{ name: string }>).detail.name));
    const canvas = target.querySelector('canvas')!;
    const display = guestDisplay(sim, vm)!.framebuffer;
    const drawn = () => {
      const store = stores.get(canvas);
      if (!store || canvas.width !== display.width) return false;
      for (let i = 0; i < display.pixels.length; i += 997) {
        const p = display.pixels[i];
        if (store[i * 4] !== p >>> 16 || store[i * 4 + 1] !== ((p >>> 8) & 255) || store[i * 4 + 2] !== (p & 255))
          return false;
      }
      return true;
    };
    await until(drawn);
    expect(names).toEqual([sim.db.get<XapiRecord<'VM'>>('VM', vm).name_label]);
    expect([canvas.width, canvas.height]).toEqual([1024, 768]);

    // The toolbar's "Send Ctrl+Alt+Del": the sign-in box, on the guest and then on the canvas.
    rfb.sendCtrlAltDel();
    await until(() => windowsLogon(sim, vm)?.screen === 'password');
    await until(drawn);
    rfb.disconnect();
  });

  it("types into a Linux guest's shell", async () => {
    const vm = named(sim, 'VM', 'web-01');
    const target = document.createElement('div');
    document.body.append(target);
    const rfb = new RFB(target, channelTo({ ref: vm, session_id: session }));
    const terminal = guestTerminal(sim, vm)!;
    let typed = '';
    terminal.onOutput((text) => {
      typed += text;
    });
    await until(() => stores.has(target.querySelector('canvas')!));
    for (const ch of 'root') rfb.sendKey(ch.charCodeAt(0), `Key${ch.toUpperCase()}`);
    rfb.sendKey(0xff0d, 'Enter');
    await until(() => typed === 'root\r\nPassword: ');
    rfb.disconnect();
  });
});
