/**
 * A small pool for the tree's tests: two hosts named so that numeric order matters,
 * VMs in every placement, a template, a snapshot, a control domain, storage and
 * networks (one internal). Only the fields the tree reads are filled in.
 */
import type { XapiClass, XapiRecord } from '../../xapi/model/types';
import type { PoolSource } from './tree-model';

type Table<C extends XapiClass> = Record<string, XapiRecord<C>>;

const NULL = 'OpaqueRef:NULL';

const vm = (name: string, fields: Partial<XapiRecord<'VM'>> = {}) =>
  ({
    uuid: `uuid-${name}`,
    name_label: name,
    tags: [],
    power_state: 'Halted',
    resident_on: NULL,
    is_a_template: false,
    is_a_snapshot: false,
    is_control_domain: false,
    snapshots: [],
    allowed_operations: [],
    current_operations: {},
    blocked_operations: {},
    ...fields,
  }) as XapiRecord<'VM'>;

const named = <C extends XapiClass>(name: string, fields: Record<string, unknown> = {}) =>
  ({ uuid: `uuid-${name}`, name_label: name, tags: [], ...fields }) as unknown as XapiRecord<C>;

const HOST = { enabled: true, allowed_operations: ['evacuate', 'provision'], current_operations: {}, metrics: NULL };

export const fixture: PoolSource = {
  poolId: 'sim-demo',
  label: 'Simulator (demo)',
  status: 'live',
  pool: { 'OpaqueRef:pool': named<'pool'>('Demo pool', { master: 'OpaqueRef:h10', tags: ['lab'] }) } as Table<'pool'>,
  host: {
    'OpaqueRef:h10': named<'host'>('host-10', HOST),
    'OpaqueRef:h2': named<'host'>('host-2', HOST),
  } as Table<'host'>,
  VM: {
    'OpaqueRef:web': vm('web-01', {
      power_state: 'Running',
      resident_on: 'OpaqueRef:h2' as never,
      tags: ['production'],
      snapshots: ['OpaqueRef:snap' as never],
    }),
    'OpaqueRef:db': vm('DB', { power_state: 'Running', resident_on: 'OpaqueRef:h2' as never }),
    'OpaqueRef:backup': vm('backup', { allowed_operations: ['start', 'start_on', 'clone', 'copy', 'destroy'] }),
    'OpaqueRef:vpn': vm('vpn', { power_state: 'Suspended' }),
    'OpaqueRef:tpl': vm('Debian 12', { is_a_template: true }),
    'OpaqueRef:snap': vm('web-01 before upgrade', {
      is_a_snapshot: true,
      is_a_template: true,
      snapshot_of: 'OpaqueRef:web' as never,
    }),
    'OpaqueRef:dom0': vm('Control domain on host-2', {
      power_state: 'Running',
      resident_on: 'OpaqueRef:h2' as never,
      is_control_domain: true,
    }),
  } as Table<'VM'>,
  SR: { 'OpaqueRef:nfs': named<'SR'>('NFS storage') } as Table<'SR'>,
  network: {
    'OpaqueRef:mgmt': named<'network'>('Pool-wide network', { other_config: {} }),
    'OpaqueRef:internal': named<'network'>('Host internal management network', {
      other_config: { is_host_internal_management_network: 'true' },
    }),
  } as Table<'network'>,
};
