import { describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../../xapi/model/types';
import { interfaceAddresses, osName, toolsVersion } from './guest-info';

const metrics = (fields: Partial<XapiRecord<'VM_guest_metrics'>>) => fields as XapiRecord<'VM_guest_metrics'>;

describe('osName', () => {
  it('prefers the full name the agent reports', () => {
    expect(osName(metrics({ os_version: { name: 'Debian GNU/Linux 12 (bookworm)', distro: 'debian' } }))).toBe(
      'Debian GNU/Linux 12 (bookworm)',
    );
  });

  it('builds one from the distro and version, and has none without an agent', () => {
    expect(osName(metrics({ os_version: { distro: 'rhel', major: '9', minor: '4' } }))).toBe('rhel 9 4');
    expect(osName(undefined)).toBeUndefined();
    expect(osName(metrics({ os_version: {} }))).toBeUndefined();
  });
});

describe('toolsVersion', () => {
  it('joins the version parts and the build', () => {
    expect(toolsVersion(metrics({ PV_drivers_version: { major: '8', minor: '3', micro: '0', build: '1' } }))).toBe(
      '8.3.0 build 1',
    );
    expect(toolsVersion(metrics({ PV_drivers_version: { major: '9', minor: '1' } }))).toBe('9.1');
  });

  it('is undefined when no drivers are installed', () => {
    expect(toolsVersion(metrics({ PV_drivers_version: {} }))).toBeUndefined();
    expect(toolsVersion(undefined)).toBeUndefined();
  });
});

describe('interfaceAddresses', () => {
  const networks = {
    '0/ip': '192.0.2.100',
    '0/ipv4/0': '192.0.2.100',
    '0/ipv4/1': '192.0.2.150',
    '0/ipv6/0': 'fe80::1',
    '1/ip': '198.51.100.7',
    '10/ipv4/0': '203.0.113.1',
  };

  it("lists one interface's IPv4 then IPv6 addresses, without duplicates", () => {
    expect(interfaceAddresses(metrics({ networks }), '0')).toEqual(['192.0.2.100', '192.0.2.150', 'fe80::1']);
  });

  it('falls back to the older single "ip" key, and does not confuse device 1 with 10', () => {
    expect(interfaceAddresses(metrics({ networks }), '1')).toEqual(['198.51.100.7']);
    expect(interfaceAddresses(metrics({ networks }), '10')).toEqual(['203.0.113.1']);
    expect(interfaceAddresses(metrics({ networks }), '2')).toEqual([]);
  });
});
