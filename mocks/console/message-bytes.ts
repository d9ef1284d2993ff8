/**
 * Console bytes in and out of a WebSocket API (msw's mocked sockets in the page and in
 * Vitest): what a message carries, as bytes; and bytes as a browser would deliver them.
 */

/** A text message's UTF-8, or a binary message's bytes (ArrayBuffer, a view, or a Blob). */
export async function messageBytes(data: unknown): Promise<Uint8Array> {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(await (data as Blob).arrayBuffer());
}

/** A binary message as the client's `binaryType` has it arrive: a Blob, or an ArrayBuffer. */
export function binaryMessage(bytes: Uint8Array, binaryType: string | undefined): Blob | ArrayBuffer {
  const copy = bytes.slice();
  return binaryType === 'blob' ? new Blob([copy]) : copy.buffer;
}
