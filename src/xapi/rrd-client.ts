/**
 * Fetches /rrd_updates from a pool. These are plain GETs outside the JSON-RPC
 * transport, so they get a limit of their own: a dashboard asks every host of a pool,
 * and a flood of replies (each one parsed on the page's thread) would cost frames.
 */
import { CallLimit } from './call-limit';
import { parseRrdUpdates, type RrdUpdates, type RrdUpdatesQuery, rrdUpdatesPath } from './rrd-updates';
import { TransportError } from './transport';

/** Requests in flight per pool; the JSON-RPC calls keep their own six. */
const MAX_RRD_REQUESTS = 2;

const limits = new Map<string, CallLimit>();

function limitFor(baseUrl: string): CallLimit {
  let limit = limits.get(baseUrl);
  if (!limit) {
    limit = new CallLimit(MAX_RRD_REQUESTS);
    limits.set(baseUrl, limit);
  }
  return limit;
}

/** What a request needs from the pool's connection. */
export interface RrdTarget {
  baseUrl: string;
  session: string;
}

export function fetchRrdUpdates(target: RrdTarget, query: RrdUpdatesQuery, signal?: AbortSignal): Promise<RrdUpdates> {
  return limitFor(target.baseUrl).run(async () => {
    signal?.throwIfAborted();
    let response: Response;
    try {
      response = await fetch(`${target.baseUrl}${rrdUpdatesPath(target.session, query)}`, {
        headers: { accept: 'application/json' },
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new TransportError((error as Error).message);
    }
    if (!response.ok) throw new TransportError(`HTTP ${response.status} ${response.statusText}`, response.status);
    return parseRrdUpdates(await response.text(), response.headers.get('content-type'));
  });
}
