/**
 * `demo`: one pool of three differently sized hosts, local and shared storage, a
 * management network, a storage network and a VLAN, the default templates, and
 * guests in every power state: Linux and Windows, with and without tools, each with
 * the workload its role suggests (web servers, databases, batch jobs, a noisy legacy
 * appliance, idle desktops).
 */
import type { Simulator } from '../simulator';
import { PoolBuilder } from './builders';

export function buildDemo(sim: Simulator): void {
  const b = new PoolBuilder(sim, 'Demo pool');
  const nfs = b.sharedSr({ name: 'NFS VM storage', type: 'nfs', sizeGiB: 4096, description: 'NFSv4.1 on filer01' });
  const iscsi = b.sharedSr({ name: 'iSCSI SAN', type: 'lvmoiscsi', sizeGiB: 2048, description: 'LUN 0 on san01' });
  b.sharedSr({ name: 'ISO library', type: 'iso', sizeGiB: 200, description: 'Install media' });
  const h1 = b.host({
    name: 'xcp-host-01',
    memoryGiB: 256,
    sockets: 2,
    coresPerSocket: 16,
    threadsPerCore: 2,
    nics: 2,
  });
  const h2 = b.host({
    name: 'xcp-host-02',
    memoryGiB: 128,
    sockets: 1,
    coresPerSocket: 16,
    threadsPerCore: 2,
    nics: 2,
  });
  const h3 = b.host({
    name: 'xcp-host-03',
    memoryGiB: 32,
    sockets: 1,
    coresPerSocket: 8,
    threadsPerCore: 1,
    nics: 2,
    cpuModel: 'AMD EPYC 7313P 16-Core Processor',
    localDiskGiB: 240,
  });
  const mgmt = sim.db.refs('network').find((n) => sim.db.get<{ bridge: string }>('network', n).bridge === 'xenbr0')!;
  const storage = sim.db.refs('network').find((n) => sim.db.get<{ bridge: string }>('network', n).bridge === 'xenbr1')!;
  sim.db.update('network', storage, {
    name_label: 'Storage network',
    name_description: 'Dedicated to NFS and iSCSI traffic',
  });
  const dmz = b.vlanNetwork('DMZ (VLAN 100)', 100);
  b.templates();

  const linux = 'Debian Bookworm 12';
  b.vm({
    name: 'web-01',
    template: linux,
    host: h1,
    power: 'Running',
    tags: ['web', 'production'],
    networks: [mgmt, dmz],
    disks: [{ sizeGiB: 20, sr: nfs }],
    memoryMiB: { dynamicMin: 1024, dynamicMax: 4096, staticMax: 4096 },
    vcpus: { max: 4, atStartup: 2 },
    guest: { workload: 'web' },
  });
  b.vm({
    name: 'web-02',
    template: linux,
    host: h2,
    power: 'Running',
    tags: ['web', 'production'],
    networks: [mgmt, dmz],
    disks: [{ sizeGiB: 20, sr: nfs }],
    memoryMiB: { dynamicMin: 1024, dynamicMax: 4096, staticMax: 4096 },
    vcpus: { max: 4, atStartup: 2 },
    guest: { workload: 'web' },
  });
  b.vm({
    name: 'db-primary',
    template: 'Rocky Linux 9',
    host: h1,
    power: 'Running',
    tags: ['database', 'production'],
    description: 'PostgreSQL 16 primary',
    disks: [
      { sizeGiB: 40, sr: iscsi },
      { sizeGiB: 500, sr: iscsi },
    ],
    memoryMiB: { dynamicMin: 16384, dynamicMax: 32768, staticMax: 32768 },
    vcpus: { max: 8 },
    guest: { workload: 'database' },
  });
  b.vm({
    name: 'db-replica',
    template: 'Rocky Linux 9',
    host: h2,
    power: 'Running',
    tags: ['database', 'production'],
    description: 'PostgreSQL 16 streaming replica',
    disks: [
      { sizeGiB: 40, sr: iscsi },
      { sizeGiB: 500, sr: iscsi },
    ],
    memoryMiB: { dynamicMin: 8192, dynamicMax: 32768, staticMax: 32768 },
    vcpus: { max: 8 },
    guest: { workload: 'database' },
  });
  b.vm({
    name: 'mail',
    template: 'Ubuntu Jammy Jellyfish 22.04',
    host: h1,
    power: 'Running',
    tags: ['production'],
    disks: [{ sizeGiB: 100, sr: nfs }],
    memoryMiB: { dynamicMin: 2048, dynamicMax: 8192, staticMax: 8192 },
    vcpus: { max: 2 },
    guest: { workload: 'web' },
  });
  b.vm({
    name: 'monitoring',
    template: 'Ubuntu Noble Numbat 24.04',
    host: h3,
    power: 'Running',
    tags: ['ops'],
    description: 'Prometheus and Grafana',
    memoryMiB: { dynamicMin: 2048, dynamicMax: 4096, staticMax: 4096 },
    vcpus: { max: 2 },
    guest: { workload: 'batch' },
  });
  b.vm({
    name: 'win-dc01',
    template: 'Windows Server 2022 (64-bit)',
    host: h1,
    power: 'Running',
    tags: ['windows', 'production'],
    description: 'Active Directory domain controller',
    disks: [{ sizeGiB: 64, sr: nfs }],
    memoryMiB: { dynamicMin: 4096, dynamicMax: 4096, staticMax: 4096 },
    vcpus: { max: 2 },
    guest: { workload: 'idle' },
  });
  b.vm({
    name: 'win-sql01',
    template: 'Windows Server 2019 (64-bit)',
    host: h2,
    power: 'Running',
    tags: ['windows', 'database'],
    description: 'SQL Server 2019',
    disks: [
      { sizeGiB: 64, sr: iscsi },
      { sizeGiB: 200, sr: iscsi },
    ],
    memoryMiB: { dynamicMin: 8192, dynamicMax: 16384, staticMax: 16384 },
    vcpus: { max: 4 },
    guest: { workload: 'database' },
  });
  b.vm({
    name: 'legacy-erp',
    template: 'Other install media',
    host: h1,
    power: 'Running',
    tags: ['legacy'],
    description: 'Vendor appliance: no guest tools',
    disks: [{ sizeGiB: 30, sr: nfs }],
    memoryMiB: { staticMin: 4096, dynamicMin: 4096, dynamicMax: 4096, staticMax: 4096 },
    vcpus: { max: 2 },
    guest: { hasTools: false, workload: 'noisy' },
  });
  b.vm({
    name: 'win10-kiosk',
    template: 'Windows 10 (64-bit)',
    host: h3,
    power: 'Running',
    tags: ['windows'],
    description: 'Windows without PV drivers',
    memoryMiB: { dynamicMin: 4096, dynamicMax: 4096, staticMax: 4096 },
    vcpus: { max: 2 },
    guest: { hasTools: false, workload: 'idle' },
  });
  b.vm({
    name: 'build-runner',
    template: 'Debian Bookworm 12',
    host: h2,
    power: 'Paused',
    tags: ['ci'],
    disks: [{ sizeGiB: 50, sr: nfs }],
    memoryMiB: { dynamicMin: 2048, dynamicMax: 8192, staticMax: 8192 },
    vcpus: { max: 4 },
    guest: { workload: 'batch' },
  });
  b.vm({
    name: 'vpn-gateway',
    template: 'Debian Bullseye 11',
    power: 'Suspended',
    tags: ['network'],
    disks: [{ sizeGiB: 8, sr: nfs }],
    networks: [mgmt, dmz],
    memoryMiB: { dynamicMin: 512, dynamicMax: 1024, staticMax: 1024 },
    vcpus: { max: 1 },
    guest: { workload: 'web' },
  });
  b.vm({
    name: 'staging-app',
    template: 'Ubuntu Noble Numbat 24.04',
    power: 'Suspended',
    tags: ['staging'],
    disks: [{ sizeGiB: 20, sr: nfs }],
    memoryMiB: { dynamicMin: 2048, dynamicMax: 4096, staticMax: 4096 },
    vcpus: { max: 2 },
    guest: { workload: 'web' },
  });
  b.vm({
    name: 'backup-proxy',
    template: 'AlmaLinux 9',
    power: 'Halted',
    tags: ['ops'],
    disks: [{ sizeGiB: 30, sr: nfs }],
    memoryMiB: { dynamicMin: 1024, dynamicMax: 2048, staticMax: 2048 },
    vcpus: { max: 2 },
    guest: { workload: 'batch' },
  });
  b.vm({
    name: 'test-ubuntu',
    template: 'Ubuntu Jammy Jellyfish 22.04',
    power: 'Halted',
    tags: ['test'],
    disks: [{ sizeGiB: 16, sr: nfs }],
    memoryMiB: { dynamicMin: 1024, dynamicMax: 2048, staticMax: 2048 },
    vcpus: { max: 2 },
    guest: { workload: 'idle' },
  });
  b.vm({
    name: 'win11-desktop',
    template: 'Windows 11',
    power: 'Halted',
    tags: ['windows'],
    disks: [{ sizeGiB: 64, sr: nfs }],
    memoryMiB: { dynamicMin: 4096, dynamicMax: 8192, staticMax: 8192 },
    vcpus: { max: 4 },
    guest: { workload: 'idle' },
  });
  // Needs more memory than the pool can free anywhere: a start that must fail.
  b.vm({
    name: 'analytics-bigmem',
    template: 'Red Hat Enterprise Linux 9',
    power: 'Halted',
    tags: ['analytics'],
    description: 'Needs 384 GiB: does not fit on any host',
    disks: [{ sizeGiB: 100, sr: iscsi }],
    memoryMiB: { dynamicMin: 393216, dynamicMax: 393216, staticMax: 393216 },
    vcpus: { max: 16 },
    guest: { workload: 'noisy' },
  });
  const dbPrimary = sim.db
    .refs('VM')
    .find((v) => sim.db.get<{ name_label: string }>('VM', v).name_label === 'db-primary')!;
  b.snapshot(dbPrimary, 'db-primary before upgrade');
  b.finish(nfs);
}
