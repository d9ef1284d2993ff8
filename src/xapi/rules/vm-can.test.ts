import { describe, expect, it } from 'vitest';
import type { XapiRecord } from '../model/types';
import { hasGuestTools, vmCan } from './vm-can';

type Vm = XapiRecord<'VM'>;
type GuestMetrics = XapiRecord<'VM_guest_metrics'>;

/** Only the fields the predicates read; the rest of a VM record does not matter here. */
const vm = (fields: Partial<Vm>): Vm =>
  ({
    power_state: 'Halted',
    allowed_operations: [],
    current_operations: {},
    blocked_operations: {},
    is_a_template: false,
    is_a_snapshot: false,
    is_control_domain: false,
    ...fields,
  }) as Vm;

const withTools = { PV_drivers_version: { major: '9', minor: '4' } } as unknown as GuestMetrics;
const withoutTools = { PV_drivers_version: {} } as unknown as GuestMetrics;

describe('vmCan', () => {
  it('enables exactly what allowed_operations lists', () => {
    const halted = vm({ allowed_operations: ['start', 'start_on', 'clone', 'destroy'] });
    expect(vmCan.start(halted)).toEqual({ enabled: true });
    expect(vmCan.destroy(halted)).toEqual({ enabled: true });
    expect(vmCan.cleanShutdown(halted).enabled).toBe(false);
  });

  it('says the power state is wrong when the operation does not start from it', () => {
    const running = vm({ power_state: 'Running', allowed_operations: ['clean_shutdown'] });
    expect(vmCan.start(running)).toEqual({ enabled: false, reason: { code: 'power-state', state: 'Running' } });
    expect(vmCan.unpause(running)).toEqual({ enabled: false, reason: { code: 'power-state', state: 'Running' } });
    expect(vmCan.resume(vm({ power_state: 'Halted' }))).toMatchObject({ reason: { state: 'Halted' } });
  });

  it('says another operation is in progress when the state is right but XAPI refuses', () => {
    const starting = vm({ current_operations: { 'OpaqueRef:task': 'start' } });
    expect(vmCan.start(starting)).toEqual({ enabled: false, reason: { code: 'busy' } });
  });

  it('blames missing guest tools for a clean shutdown, reboot, suspend or migration XAPI refuses', () => {
    const running = vm({ power_state: 'Running', allowed_operations: ['hard_shutdown', 'hard_reboot'] });
    for (const can of [vmCan.cleanShutdown, vmCan.cleanReboot, vmCan.suspend, vmCan.migrate]) {
      expect(can(running, { guestMetrics: withoutTools })).toEqual({
        enabled: false,
        reason: { code: 'no-guest-tools' },
      });
      expect(can(running, {})).toEqual({ enabled: false, reason: { code: 'no-guest-tools' } });
    }
    expect(vmCan.hardShutdown(running, { guestMetrics: withoutTools })).toEqual({ enabled: true });
  });

  it('calls a refused migration or suspend of a VM with tools immobile', () => {
    const running = vm({ power_state: 'Running' });
    expect(vmCan.migrate(running, { guestMetrics: withTools })).toEqual({
      enabled: false,
      reason: { code: 'immobile' },
    });
  });

  it('passes on the reason someone gave for blocking an operation, before anything else', () => {
    const blocked = vm({
      power_state: 'Running',
      blocked_operations: { start: 'Managed by the backup job' } as Vm['blocked_operations'],
    });
    expect(vmCan.start(blocked)).toEqual({
      enabled: false,
      reason: { code: 'blocked', message: 'Managed by the backup job' },
    });
  });

  it('explains templates, snapshots and control domains by what they are', () => {
    expect(vmCan.start(vm({ is_a_template: true }))).toEqual({ enabled: false, reason: { code: 'template' } });
    expect(vmCan.start(vm({ is_a_template: true, is_a_snapshot: true }))).toEqual({
      enabled: false,
      reason: { code: 'snapshot' },
    });
    expect(vmCan.cleanShutdown(vm({ is_control_domain: true, power_state: 'Running' }))).toEqual({
      enabled: false,
      reason: { code: 'control-domain' },
    });
  });
});

describe('hasGuestTools', () => {
  it('needs a major and a minor version from the tools', () => {
    expect(hasGuestTools(withTools)).toBe(true);
    expect(hasGuestTools(withoutTools)).toBe(false);
    expect(hasGuestTools(undefined)).toBe(false);
  });
});
