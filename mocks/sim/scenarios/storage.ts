/**
 * Storage for scenario pools: the storage managers, each host's local SR, and shared
 * SRs plugged into every host through a PBD.
 */
import type { Database } from '../db';
import type { Simulator } from '../simulator';
import { GiB } from '../units';

/** What an attached, healthy SR allows (xapi_sr_operations.ml, with every SM capability). */
export const SR_OPERATIONS = [
  'forget',
  'VDI_create',
  'VDI_destroy',
  'scan',
  'destroy',
  'VDI_snapshot',
  'VDI_clone',
  'VDI_resize',
  'update',
  'plug',
  'unplug',
] as const;

/** What the VHD-based drivers can do. */
const VHD_CAPABILITIES = [
  'SR_PROBE',
  'VDI_CREATE',
  'VDI_DELETE',
  'VDI_ATTACH',
  'VDI_DETACH',
  'VDI_CLONE',
  'VDI_SNAPSHOT',
  'VDI_RESIZE',
];

/** The SM drivers a pool lists, with the capabilities the scenarios use. */
export function createStorageManagers(sim: Simulator): void {
  const sms: [string, string, string[]][] = [
    ['ext', 'Local EXT3 VHD', VHD_CAPABILITIES],
    ['nfs', 'NFS VHD', VHD_CAPABILITIES],
    ['lvmoiscsi', 'LVHD over iSCSI', VHD_CAPABILITIES],
    ['iso', 'ISO', ['VDI_INTRODUCE', 'VDI_ATTACH', 'VDI_DETACH']],
  ];
  for (const [type, name, capabilities] of sms) {
    sim.db.create('SM', {
      name_label: name,
      type,
      vendor: 'Xenith',
      copyright: '',
      version: '1.0',
      required_api_version: '1.0',
      capabilities,
      features: Object.fromEntries(capabilities.map((c) => [c, 1])),
      driver_filename: `/opt/xensource/sm/${type}SR`,
    });
  }
}

/** A host's local disk as an `ext` SR, plugged into that host only. */
export function createLocalSr(sim: Simulator, host: string, hostName: string, sizeGiB: number): void {
  const sr = sim.db.create('SR', {
    name_label: 'Local storage',
    name_description: `Local storage on ${hostName}`,
    type: 'ext',
    content_type: 'user',
    shared: false,
    physical_size: sizeGiB * GiB,
    physical_utilisation: 0,
    virtual_allocation: 0,
    other_config: { 'i18n-key': 'local-storage' },
    sm_config: { devserial: `scsi-${hostName}` },
    allowed_operations: [...SR_OPERATIONS],
  });
  sim.db.create('PBD', { host, SR: sr, device_config: { device: '/dev/sda3' }, currently_attached: true });
  sim.localSr.set(host, sr);
}

/** A PBD that attaches a shared SR to one host, with the device config of its type. */
export function plugSharedSr(db: Database, sr: string, host: string): void {
  const { type } = db.get<{ type: string }>('SR', sr);
  const deviceConfig: Record<string, string> =
    type === 'nfs'
      ? { server: '192.0.2.50', serverpath: '/export/xen', nfsversion: '4.1' }
      : type === 'lvmoiscsi'
        ? {
            target: '192.0.2.51',
            targetIQN: 'iqn.2026-01.test.xenith:storage',
            SCSIid: '36001405a1b2c3d4e5f60718293a4b5c6',
          }
        : { location: '192.0.2.50:/export/iso', type: 'nfs_iso' };
  db.create('PBD', { host, SR: sr, device_config: deviceConfig, currently_attached: true });
}
