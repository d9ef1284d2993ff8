/**
 * The parts of noVNC 1.7's RFB client the console uses. The package ships no types, and
 * @types/novnc__novnc describes the old lib/ paths (../shared/STACK.md, pitfall 5).
 */
declare module '@novnc/novnc' {
  /** What noVNC reads and sets on a WebSocket-like channel it is given instead of a URL. */
  export interface RfbChannel {
    binaryType: string;
    protocol: string;
    readyState: number | string;
    onopen: ((event: Event) => void) | null;
    onmessage: ((event: { data: ArrayBuffer }) => void) | null;
    onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null;
    onerror: ((event: Event) => void) | null;
    send(data: Uint8Array): void;
    close(): void;
  }

  export interface RfbOptions {
    shared?: boolean;
    wsProtocols?: string[];
  }

  export default class RFB extends EventTarget {
    constructor(target: HTMLElement, urlOrChannel: string | WebSocket | RfbChannel, options?: RfbOptions);
    scaleViewport: boolean;
    clipViewport: boolean;
    resizeSession: boolean;
    focusOnClick: boolean;
    background: string;
    disconnect(): void;
    sendCtrlAltDel(): void;
    focus(options?: FocusOptions): void;
    blur(): void;
  }
}
