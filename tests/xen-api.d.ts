// The parts of Xen Orchestra's `xen-api` client (untyped JavaScript) the conformance test uses.
declare module 'xen-api' {
  interface XapiClient {
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    readonly objectsFetched: Promise<void>;
    readonly objects: { all: Record<string, unknown> };
    readonly status: 'connected' | 'connecting' | 'disconnected';
    call(method: string, ...args: unknown[]): Promise<unknown>;
    getObjectByRef(ref: string): unknown;
  }
  export function createClient(options: {
    url: string;
    auth: { user: string; password: string };
    allowUnauthorized?: boolean;
    watchEvents?: boolean | string[];
  }): XapiClient;
}
