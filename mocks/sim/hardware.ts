/**
 * What the simulator knows that XAPI records do not hold: the physical shape of each
 * host and the nature of each guest. Scenarios fill these; the model reads them.
 */
export interface HostHardware {
  /** Memory Xen keeps for itself (heap, frame tables), in bytes. */
  xenOverheadBytes: number;
  /** Virtual ms a host takes to boot (power_on, reboot). */
  bootMs: number;
}

export type GuestOs = 'linux' | 'windows';

/**
 * What a guest spends its time doing, which drives its performance data
 * (mocks/sim/performance/workload-profiles.ts): next to nothing, a web server with a
 * daily cycle, batch jobs in bursts, a memory-hungry database, or a noisy neighbour.
 */
export type Workload = 'idle' | 'web' | 'batch' | 'database' | 'noisy';

export interface GuestProfile {
  os: GuestOs;
  /** Distribution as the guest agent reports it, e.g. { name: 'Debian 12', distro: 'debian', major: '12' }. */
  osVersion: Record<string, string>;
  /** Whether the guest runs XAPI's guest agent and PV drivers (balloon, clean shutdown, hotplug). */
  hasTools: boolean;
  /** Virtual ms from domain creation to the guest agent reporting in. */
  bootMs: number;
  /** Virtual ms a clean shutdown takes inside the guest. */
  shutdownMs: number;
  workload: Workload;
}

export const DEFAULT_GUEST: GuestProfile = {
  os: 'linux',
  osVersion: {
    name: 'Debian GNU/Linux 12 (bookworm)',
    distro: 'debian',
    major: '12',
    minor: '8',
    uname: '6.1.0-28-amd64',
  },
  hasTools: true,
  bootMs: 8_000,
  shutdownMs: 4_000,
  workload: 'idle',
};
