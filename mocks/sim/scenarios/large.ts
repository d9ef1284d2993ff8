/**
 * `large`: 64 hosts and 5,000 guests, for speed and scale. Guests spread evenly;
 * about seven in ten run, the rest are halted, suspended or paused. Each role has the
 * workload its name suggests.
 */
import type { Workload } from '../hardware';
import type { Simulator } from '../simulator';
import { PoolBuilder } from './builders';

export const LARGE_HOSTS = 64;
export const LARGE_VMS = 5_000;

const ROLES = ['web', 'app', 'db', 'cache', 'queue', 'worker', 'ci', 'mail', 'proxy', 'search'];
/** What each role's guests do all day, for their performance data. */
const WORKLOADS: Record<string, Workload> = {
  web: 'web',
  app: 'web',
  db: 'database',
  cache: 'database',
  queue: 'batch',
  worker: 'batch',
  ci: 'noisy',
  mail: 'idle',
  proxy: 'web',
  search: 'noisy',
};
const TEMPLATES = [
  'Debian Bookworm 12',
  'Ubuntu Noble Numbat 24.04',
  'Rocky Linux 9',
  'Windows Server 2022 (64-bit)',
  'AlmaLinux 9',
];

export function buildLarge(sim: Simulator): void {
  const b = new PoolBuilder(sim, 'Large pool');
  const nfs = b.sharedSr({ name: 'NFS VM storage', type: 'nfs', sizeGiB: 262_144 });
  const hosts: string[] = [];
  for (let i = 0; i < LARGE_HOSTS; i++) {
    hosts.push(
      b.host({
        name: `host-${String(i + 1).padStart(2, '0')}`,
        memoryGiB: i % 4 === 0 ? 1024 : 512,
        sockets: 2,
        coresPerSocket: 24,
        threadsPerCore: 2,
        nics: 2,
        localDiskGiB: 1800,
      }),
    );
  }
  b.templates();
  const r = sim.random;
  for (let i = 0; i < LARGE_VMS; i++) {
    const roll = r.next();
    const power = roll < 0.7 ? 'Running' : roll < 0.9 ? 'Halted' : roll < 0.96 ? 'Suspended' : 'Paused';
    const role = ROLES[i % ROLES.length];
    const dmax = r.pick([1024, 2048, 4096, 8192]);
    b.vm({
      name: `${role}-${String(i + 1).padStart(4, '0')}`,
      template: TEMPLATES[i % TEMPLATES.length],
      host: power === 'Running' || power === 'Paused' ? hosts[i % LARGE_HOSTS] : undefined,
      power,
      tags: [role],
      disks: [{ sizeGiB: 20, sr: nfs }],
      memoryMiB: { staticMin: 512, dynamicMin: dmax / 2, dynamicMax: dmax, staticMax: dmax },
      vcpus: { max: r.pick([1, 2, 4]) },
      guest: { workload: WORKLOADS[role] },
    });
  }
  b.finish(nfs);
}
