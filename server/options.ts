/** The command line of `npm run serve`. */
import { parseArgs } from 'node:util';

export const USAGE =
  'usage: npm run serve -- --pool https://HOST [--pool https://HOST2 ...] [--insecure] [--port 4173]';

export interface ServeOptions {
  pools: string[];
  /** Accept the pools' self-signed certificates. */
  insecure: boolean;
  /** 0 picks a free port. */
  port: number;
}

/** Throws with the problem in words; the caller prints it with USAGE. */
export function parseServeArgs(args: string[]): ServeOptions {
  const { values } = parseArgs({
    args,
    options: {
      pool: { type: 'string', multiple: true, default: [] },
      insecure: { type: 'boolean', default: false },
      port: { type: 'string', default: '4173' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: not a port number`);
  if (values.pool.length === 0) throw new Error('give at least one pool with --pool');
  return { pools: values.pool, insecure: values.insecure, port };
}
