import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { named } from './lookup';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';
import { computeVmAllowedOperations, vmOperationError } from './vm-operations';

let sim: Simulator;
const vm = (name: string) => named(sim, 'VM', name);
const error = (name: string, op: Parameters<typeof vmOperationError>[2], strict = true) =>
  vmOperationError(sim.db, vm(name), op, strict);
const record = (name: string) => sim.db.get<XapiRecord<'VM'>>('VM', vm(name));

beforeEach(() => {
  sim = createSimulator({ scenario: 'demo' });
});

describe('check_operation_error', () => {
  it('reports a blocked operation before anything else', () => {
    sim.db.update('VM', vm('web-01'), { blocked_operations: { start: 'Frozen for audit' } });
    expect(error('web-01', 'start')).toEqual(['OPERATION_BLOCKED', vm('web-01'), 'Frozen for audit']);
  });

  it('names the allowed power states lower-case, in xen-api order', () => {
    expect(error('backup-proxy', 'hard_shutdown')).toEqual([
      'VM_BAD_POWER_STATE',
      vm('backup-proxy'),
      'paused, suspended, running',
      'halted',
    ]);
    expect(error('web-01', 'start')).toEqual(['VM_BAD_POWER_STATE', vm('web-01'), 'halted', 'running']);
    expect(error('web-01', 'resume')).toEqual(['VM_BAD_POWER_STATE', vm('web-01'), 'suspended', 'running']);
    expect(error('web-01', 'destroy')).toEqual(['VM_BAD_POWER_STATE', vm('web-01'), 'halted, suspended', 'running']);
  });

  it('lets clone and copy run on a suspended VM only where the pool allows it', () => {
    expect(error('vpn-gateway', 'clone')).toEqual(['VM_BAD_POWER_STATE', vm('vpn-gateway'), 'halted', 'suspended']);
    sim.db.update('pool', sim.pool(), { other_config: { allow_clone_suspended_vm: 'true' } });
    expect(error('vpn-gateway', 'clone')).toBeUndefined();
  });

  describe('concurrency', () => {
    const busy = (name: string, ops: Record<string, string>) =>
      sim.db.update('VM', vm(name), { current_operations: ops });

    it('reports the operation in progress and its task', () => {
      busy('backup-proxy', { 'OpaqueRef:t1': 'clone' });
      expect(error('backup-proxy', 'start')).toEqual([
        'OTHER_OPERATION_IN_PROGRESS',
        'VM',
        vm('backup-proxy'),
        'clone',
        'OpaqueRef:t1',
      ]);
    });

    it('lists several operations in braces', () => {
      busy('backup-proxy', { 'OpaqueRef:t1': 'clone', 'OpaqueRef:t2': 'copy' });
      expect(error('backup-proxy', 'start')).toEqual([
        'OTHER_OPERATION_IN_PROGRESS',
        'VM',
        vm('backup-proxy'),
        '{clone,copy}',
        '{OpaqueRef:t1,OpaqueRef:t2}',
      ]);
    });

    it('lets clone, copy and export overlap, and snapshot with checkpoint', () => {
      busy('backup-proxy', { t: 'clone' });
      expect(error('backup-proxy', 'copy')).toBeUndefined();
      expect(error('backup-proxy', 'export')).toBeUndefined();
      expect(error('backup-proxy', 'snapshot')?.[0]).toBe('OTHER_OPERATION_IN_PROGRESS');
      busy('web-01', { t: 'snapshot' });
      expect(error('web-01', 'checkpoint')).toBeUndefined();
    });

    it('allows a hard shutdown over anything but another, and a hard reboot over anything but hard ones', () => {
      busy('web-01', { t: 'clean_shutdown' });
      expect(error('web-01', 'hard_shutdown')).toBeUndefined();
      expect(error('web-01', 'hard_reboot')).toBeUndefined();
      busy('web-01', { t: 'hard_shutdown' });
      expect(error('web-01', 'hard_shutdown')?.[0]).toBe('OTHER_OPERATION_IN_PROGRESS');
      expect(error('web-01', 'hard_reboot')?.[0]).toBe('OTHER_OPERATION_IN_PROGRESS');
    });

    it('allows clean shutdown and reboot during migrate_send only', () => {
      busy('web-01', { t: 'migrate_send' });
      expect(error('web-01', 'clean_shutdown')).toBeUndefined();
      expect(error('web-01', 'clean_reboot')).toBeUndefined();
      expect(error('web-01', 'pause')?.[0]).toBe('OTHER_OPERATION_IN_PROGRESS');
    });
  });

  describe('templates and snapshots', () => {
    it('refuses what a default template cannot do, naming the operation', () => {
      expect(error('Debian Bookworm 12', 'start')).toEqual(['VM_IS_TEMPLATE', vm('Debian Bookworm 12'), 'start']);
      expect(error('Debian Bookworm 12', 'destroy')).toEqual(['VM_IS_TEMPLATE', vm('Debian Bookworm 12'), 'destroy']);
      expect(error('Debian Bookworm 12', 'clone')).toBeUndefined();
      expect(error('Debian Bookworm 12', 'provision')).toBeUndefined();
    });

    it('lets a custom template be destroyed', () => {
      sim.db.update('VM', vm('backup-proxy'), { is_a_template: true });
      expect(error('backup-proxy', 'destroy')).toBeUndefined();
      sim.db.update('VM', vm('backup-proxy'), { other_config: { default_template: '1' } });
      expect(error('backup-proxy', 'destroy')).toEqual(['VM_IS_TEMPLATE', vm('backup-proxy'), 'destroy']);
    });

    it('refuses what a snapshot cannot do', () => {
      const snapshot = 'db-primary before upgrade';
      expect(error(snapshot, 'start')).toEqual(['VM_IS_SNAPSHOT', vm(snapshot), 'start']);
      expect(error(snapshot, 'revert')).toBeUndefined();
      expect(error(snapshot, 'destroy')).toBeUndefined();
    });

    it('provisions only templates and reverts only snapshots', () => {
      expect(error('backup-proxy', 'provision')).toEqual(['PROVISION_ONLY_ALLOWED_ON_TEMPLATE']);
      expect(error('backup-proxy', 'revert')).toEqual(['REVERT_ONLY_ALLOWED_ON_SNAPSHOT']);
    });
  });

  describe('control domains', () => {
    const dom0 = () => sim.db.get<XapiRecord<'host'>>('host', named(sim, 'host', 'xcp-host-01')).control_domain;

    it('refuses dom0 destroy and vCPU changes with the dom0 reason', () => {
      sim.db.update('VM', dom0(), { power_state: 'Halted' });
      expect(vmOperationError(sim.db, dom0(), 'destroy', true)).toEqual([
        'OPERATION_NOT_ALLOWED',
        'This operation is not allowed on dom0',
      ]);
    });

    it('refuses anything outside the control-domain list', () => {
      expect(vmOperationError(sim.db, dom0(), 'snapshot', true)).toEqual([
        'OPERATION_NOT_ALLOWED',
        'This operation is not allowed on a control domain',
      ]);
      expect(computeVmAllowedOperations(sim.db, dom0())).toEqual([
        'metadata_export',
        'changing_static_range',
        'changing_dynamic_range',
      ]);
    });
  });

  describe('guest features', () => {
    it('refuses a clean shutdown, reboot or suspend of an HVM guest without tools', () => {
      expect(error('legacy-erp', 'clean_shutdown')).toEqual(['VM_LACKS_FEATURE', vm('legacy-erp')]);
      expect(error('legacy-erp', 'clean_reboot')).toEqual(['VM_LACKS_FEATURE', vm('legacy-erp')]);
      expect(error('legacy-erp', 'suspend')).toEqual(['VM_LACKS_FEATURE', vm('legacy-erp')]);
      expect(error('legacy-erp', 'hard_shutdown')).toBeUndefined();
    });

    it('allows them when not strict (a forced migration)', () => {
      expect(error('legacy-erp', 'pool_migrate', false)).toBeUndefined();
      expect(error('legacy-erp', 'clean_shutdown', false)).toBeUndefined();
    });

    it('takes a PV domain as supporting everything', () => {
      sim.db.update('VM_metrics', record('legacy-erp').metrics, { current_domain_type: 'pv' });
      expect(error('legacy-erp', 'clean_shutdown')).toBeUndefined();
    });

    it('takes PV drivers with integer versions as supporting everything, and features otherwise', () => {
      const gm = record('web-01').guest_metrics;
      sim.db.update('VM_guest_metrics', gm, { PV_drivers_version: {}, other: { 'feature-poweroff': '1' } });
      expect(error('web-01', 'clean_shutdown')).toBeUndefined();
      expect(error('web-01', 'clean_reboot')).toEqual(['VM_LACKS_FEATURE', vm('web-01')]);
      sim.db.update('VM_guest_metrics', gm, { PV_drivers_version: { major: '9', minor: 'x' } });
      expect(error('web-01', 'clean_reboot')).toEqual(['VM_LACKS_FEATURE', vm('web-01')]);
    });

    it('refuses suspend-like operations when the guest gives a reason', () => {
      const gm = record('web-01').guest_metrics;
      sim.db.update('VM_guest_metrics', gm, { other: { 'data-cant-suspend-reason': 'UEFI variables in use' } });
      expect(error('web-01', 'suspend')).toEqual(['VM_NON_SUSPENDABLE', vm('web-01'), 'UEFI variables in use']);
      expect(error('web-01', 'pool_migrate')).toEqual(['VM_NON_SUSPENDABLE', vm('web-01'), 'UEFI variables in use']);
    });

    it('keeps an immobile VM in place', () => {
      sim.db.update('VM_metrics', record('web-01').metrics, { nomigrate: true });
      expect(error('web-01', 'pool_migrate')).toEqual(['VM_IS_IMMOBILE', vm('web-01')]);
      expect(error('web-01', 'pool_migrate', false)).toBeUndefined();
    });
  });

  it('refuses suspend and migration with a passed-through PCI device', () => {
    sim.db.update('VM', vm('web-01'), { attached_PCIs: ['OpaqueRef:pci'] });
    expect(error('web-01', 'suspend')).toEqual(['VM_HAS_PCI_ATTACHED', vm('web-01')]);
  });
});

describe('allowed_operations', () => {
  it('lists what a running guest with tools may do, in reverse enum order, without ignored operations', () => {
    expect(record('web-01').allowed_operations).toEqual([
      'sysprep',
      'metadata_export',
      'changing_VCPUs_live',
      'changing_dynamic_range',
      'migrate_send',
      'pool_migrate',
      'suspend',
      'hard_reboot',
      'hard_shutdown',
      'clean_reboot',
      'clean_shutdown',
      'pause',
      'checkpoint',
      'snapshot',
    ]);
  });

  it('leaves out what a guest without tools cannot do', () => {
    const allowed = record('legacy-erp').allowed_operations;
    expect(allowed).toContain('hard_shutdown');
    expect(allowed).not.toContain('clean_shutdown');
    expect(allowed).not.toContain('suspend');
    expect(allowed).not.toContain('pool_migrate');
  });

  it('lists what a halted VM may do', () => {
    expect(record('backup-proxy').allowed_operations).toEqual([
      'create_vtpm',
      'destroy',
      'metadata_export',
      'export',
      'make_into_template',
      'changing_NVRAM',
      'changing_shadow_memory',
      'changing_static_range',
      'changing_dynamic_range',
      'migrate_send',
      'start_on',
      'start',
      'copy',
      'clone',
      'snapshot',
    ]);
  });
});
