import { describe, expect, it } from 'vitest';
import type { XapiRecord } from '../model/types';
import { hostCan, needsMaintenanceFirst } from './host-can';

type Host = XapiRecord<'host'>;

const host = (fields: Partial<Host>): Host =>
  ({ enabled: true, allowed_operations: [], current_operations: {}, power_on_mode: '', ...fields }) as Host;
const live = { metrics: { live: true } as XapiRecord<'host_metrics'> };
const offline = { metrics: { live: false } as XapiRecord<'host_metrics'> };

describe('hostCan', () => {
  it('enters maintenance mode from an enabled host that can be evacuated', () => {
    expect(hostCan.enterMaintenance(host({ allowed_operations: ['evacuate'] }), live)).toEqual({ enabled: true });
    expect(hostCan.enterMaintenance(host({ enabled: false, allowed_operations: ['evacuate'] }), live)).toEqual({
      enabled: false,
      reason: { code: 'in-maintenance' },
    });
    expect(hostCan.enterMaintenance(host({ current_operations: { 'OpaqueRef:t': 'provision' } }), live)).toEqual({
      enabled: false,
      reason: { code: 'busy' },
    });
  });

  it('exits maintenance mode only from a disabled host', () => {
    expect(hostCan.exitMaintenance(host({ enabled: false, allowed_operations: ['enable'] }), live)).toEqual({
      enabled: true,
    });
    expect(hostCan.exitMaintenance(host({ allowed_operations: ['enable'] }), live)).toEqual({
      enabled: false,
      reason: { code: 'not-in-maintenance' },
    });
  });

  it('offers reboot and shut down on an enabled host, which enters maintenance mode first', () => {
    const enabled = host({ allowed_operations: ['evacuate'] });
    expect(hostCan.reboot(enabled, live)).toEqual({ enabled: true });
    expect(needsMaintenanceFirst(enabled)).toBe(true);
    const disabled = host({ enabled: false, allowed_operations: ['reboot', 'shutdown'] });
    expect(hostCan.shutdown(disabled, live)).toEqual({ enabled: true });
    expect(needsMaintenanceFirst(disabled)).toBe(false);
    expect(hostCan.reboot(host({ current_operations: { 'OpaqueRef:t': 'shutdown' } }), live)).toEqual({
      enabled: false,
      reason: { code: 'busy' },
    });
  });

  it('refuses everything but power on while the host is down', () => {
    const down = host({ allowed_operations: ['power_on'], power_on_mode: 'wake-on-lan' });
    expect(hostCan.reboot(down, offline)).toEqual({ enabled: false, reason: { code: 'host-offline' } });
    expect(hostCan.enterMaintenance(down, offline)).toEqual({ enabled: false, reason: { code: 'host-offline' } });
    expect(hostCan.powerOn(down, offline)).toEqual({ enabled: true });
  });

  it('explains why power on is not offered', () => {
    expect(hostCan.powerOn(host({}), live)).toEqual({ enabled: false, reason: { code: 'host-running' } });
    expect(hostCan.powerOn(host({}), offline)).toEqual({ enabled: false, reason: { code: 'no-power-on-mode' } });
  });
});
