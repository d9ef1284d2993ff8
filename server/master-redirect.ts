/**
 * Spots HOST_IS_SLAVE in JSON-RPC replies as they stream by. Logging in to a pool
 * member fails with HOST_IS_SLAVE [master address] and the client retries at
 * /pool/<master>/; the proxy must allow that address, and the only trustworthy
 * source for it is the pool's own reply.
 */
import { Transform } from 'node:stream';

/** A HOST_IS_SLAVE reply is a few hundred bytes; longer replies are passed on without being kept. */
const MAX_ERROR_REPLY = 4096;

/** The master's address if `body` is a JSON-RPC HOST_IS_SLAVE failure. */
export function masterOf(body: string): string | undefined {
  let reply: unknown;
  try {
    reply = JSON.parse(body);
  } catch {
    return undefined;
  }
  const error = (reply as { error?: { message?: unknown; data?: unknown } } | null)?.error;
  if (error?.message !== 'HOST_IS_SLAVE' || !Array.isArray(error.data)) return undefined;
  const [master] = error.data as unknown[];
  return typeof master === 'string' ? master : undefined;
}

/**
 * A pass-through stream that calls `onMaster` before the reply ends, so the address
 * is allowed by the time the client has read the whole reply and can retry.
 */
export function watchForMaster(onMaster: (address: string) => void): Transform {
  const kept: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size <= MAX_ERROR_REPLY) kept.push(chunk);
      done(null, chunk);
    },
    flush(done) {
      const master = size <= MAX_ERROR_REPLY ? masterOf(Buffer.concat(kept).toString('utf8')) : undefined;
      if (master !== undefined) onMaster(master);
      done();
    },
  });
}
