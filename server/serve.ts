/**
 * `npm run serve -- --pool https://HOST [--insecure] [--port 4173]`: the built app and
 * a proxy to real pools on one origin (server/app.ts). It listens on 127.0.0.1 only:
 * whoever reaches it can call the pools with any credentials they know, and the
 * browser using it runs on this machine.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { createApp } from './app';
import { handleConsoleUpgrade } from './console-proxy';
import { parseServeArgs, type ServeOptions, USAGE } from './options';
import { connectAddress, PoolRegistry } from './pools';
import { createAgents } from './proxy';

const HOST = '127.0.0.1';
const ROOT = resolve(import.meta.dirname, '..', 'dist');

function configure(): { options: ServeOptions; registry: PoolRegistry } {
  try {
    const options = parseServeArgs(process.argv.slice(2));
    return { options, registry: new PoolRegistry(options.pools) };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

function banner(origin: string, registry: PoolRegistry, insecure: boolean): string {
  const lines = [`Xenith listening on ${origin}`];
  for (const pool of registry.pools) {
    lines.push(`proxying pool ${pool.origin} (connect to address ${connectAddress(pool)})`);
  }
  if (insecure) lines.push('--insecure: pool certificates are not checked');
  if (!existsSync(resolve(ROOT, 'index.html'))) lines.push('dist/ is empty: run `npm run build` to get the app');
  return lines.join('\n');
}

function main(): void {
  const { options, registry } = configure();
  const agents = createAgents(options.insecure);
  const server = createServer(createApp({ registry, agents, root: ROOT }));
  // Console WebSockets, bridged to XAPI's CONNECT /console on the host that serves them.
  server.on('upgrade', (req, socket, head) =>
    handleConsoleUpgrade(req, socket, head, { registry, agents, insecure: options.insecure }),
  );
  server.once('error', (error) => {
    console.error(`Xenith: ${error.message}`);
    process.exit(1);
  });
  server.listen(options.port, HOST, () => {
    const origin = `http://${HOST}:${(server.address() as AddressInfo).port}`;
    // One write, so a reader that stops at the first line (tests parse it for the port) has it all.
    console.log(banner(origin, registry, options.insecure));
  });

  const consoles = new Set<Duplex>();
  server.on('upgrade', (_req, socket: Duplex) => {
    consoles.add(socket);
    socket.once('close', () => consoles.delete(socket));
  });
  const shutdown = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections, proxied event.from long polls and consoles would hold close() open.
    server.closeAllConnections();
    for (const socket of consoles) socket.destroy();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main();
