/**
 * `npm run sim -- --port 8080 --scenario demo [--speed N] [--seed N]`: the simulator
 * as a plain XAPI server for any client. node:http calls the same endpoints the MSW
 * handlers wrap (mocks/xapi/endpoints.ts) without MSW's Request/Response machinery,
 * which would cost more than the call itself. It listens on 127.0.0.1 only: the
 * simulator has one well-known password.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createSimulator, isScenarioName, SCENARIO_NAMES } from './sim/scenarios/index';
import { DEFAULT_USERS } from './sim/sessions';
import type { Simulator } from './sim/simulator';
import { answerGet, answerPost, answerPreflight, type WireReply } from './xapi/endpoints';

const HOST = '127.0.0.1';
const USAGE = `usage: npm run sim -- [--port 8080] [--scenario ${SCENARIO_NAMES.join('|')}] [--speed N] [--seed N] [--user NAME:PASSWORD ...]`;

function usage(): never {
  console.error(USAGE);
  process.exit(2);
}

function options() {
  let values: { port: string; scenario: string; speed: string; seed?: string; user?: string[] };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        scenario: { type: 'string', default: 'demo' },
        speed: { type: 'string', default: '1' },
        seed: { type: 'string' },
        user: { type: 'string', multiple: true },
      },
    }));
  } catch {
    usage();
  }
  const { scenario } = values;
  const port = Number(values.port);
  const speed = Number(values.speed);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!isScenarioName(scenario)) usage();
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !(speed > 0)) usage();
  if (seed !== undefined && !Number.isInteger(seed)) usage();
  // --user replaces the default account; repeat it for several.
  const users = values.user?.map((entry) => {
    const colon = entry.indexOf(':');
    if (colon <= 0) usage();
    return { name: entry.slice(0, colon), password: entry.slice(colon + 1) };
  });
  return { port, speed, seed, scenario, users };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const NOT_FOUND: WireReply = { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found\n' };

/** Routes a request to the shared endpoints; other requests get 404. */
async function answer(sim: Simulator, req: IncomingMessage): Promise<WireReply> {
  const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST') return answerPost(sim, pathname, await readBody(req));
  if (req.method === 'OPTIONS') return answerPreflight(req.headers['access-control-request-headers'] ?? null);
  if (req.method === 'GET') {
    const { accept, cookie, authorization } = req.headers;
    const request = { pathname, search: search.slice(1), accept: accept ?? null, cookie: cookie ?? null };
    return answerGet(sim, { ...request, authorization: authorization ?? null }) ?? NOT_FOUND;
  }
  return NOT_FOUND;
}

function main(): void {
  const { port, speed, seed, scenario, users = DEFAULT_USERS } = options();
  const sim = createSimulator({ scenario, seed, users });
  const server = createServer((req, res) => {
    answer(sim, req)
      .then(({ status, headers, body }) => {
        res.writeHead(status, { ...headers, 'Content-Length': body === null ? 0 : Buffer.byteLength(body) });
        res.end(body ?? undefined);
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end();
      });
  });

  server.once('error', (error) => {
    console.error(`Xenith simulator: ${error.message}`);
    process.exit(1);
  });
  const stopClock = sim.clock.startRealTime(speed);
  server.listen(port, HOST, () => {
    const origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
    const [user] = users;
    // One write, so a reader that stops at the first line (tests parse it for the port) has both.
    console.log(
      `Xenith simulator listening on ${origin}\n` +
        `scenario ${scenario}, virtual time ${speed}x; log in as ${user.name} / ${user.password}`,
    );
  });

  const shutdown = () => {
    stopClock();
    server.close(() => process.exit(0));
    // Open keep-alive connections and event.from long polls would hold close() open.
    server.closeAllConnections();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main();
