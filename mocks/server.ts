/**
 * `npm run sim -- --port 8080 --scenario demo [--speed N] [--seed N]`: the simulator
 * as a plain XAPI server for any client. node:http hands each request to msw's
 * getResponse with a baseUrl, so the handlers' relative paths match (STACK.md,
 * pitfall 6). It listens on 127.0.0.1 only: the simulator has one well-known password.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { getResponse } from 'msw';
import { createHandlers } from './handlers';
import { createSimulator, isScenarioName, SCENARIOS } from './sim/scenarios/index';
import { DEFAULT_USERS } from './sim/sessions';

const HOST = '127.0.0.1';
const USAGE = `usage: npm run sim -- [--port 8080] [--scenario ${Object.keys(SCENARIOS).join('|')}] [--speed N] [--seed N]`;

function usage(): never {
  console.error(USAGE);
  process.exit(2);
}

function options() {
  let values: { port: string; scenario: string; speed: string; seed?: string };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8080' },
        scenario: { type: 'string', default: 'demo' },
        speed: { type: 'string', default: '1' },
        seed: { type: 'string' },
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
  return { port, speed, seed, scenario };
}

async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

async function respond(res: ServerResponse, response: Response | undefined): Promise<void> {
  if (!response) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
    return;
  }
  // Chunks are written as they are, not joined: a get_all_records reply runs to megabytes.
  const chunks: Uint8Array[] = [];
  if (response.body) for await (const chunk of response.body) chunks.push(chunk);
  const length = chunks.reduce((sum, c) => sum + c.byteLength, 0);
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'Content-Length': length });
  for (const chunk of chunks) res.write(chunk);
  res.end();
}

function main(): void {
  const { port, speed, seed, scenario } = options();
  const sim = createSimulator({ scenario, seed });
  const handlers = createHandlers(() => sim);
  let origin = '';

  const server = createServer((req, res) => {
    toFetchRequest(req, origin)
      .then((request) => getResponse(handlers, request, { baseUrl: origin }))
      .then((response) => respond(res, response))
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
    origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
    const [user] = DEFAULT_USERS;
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
