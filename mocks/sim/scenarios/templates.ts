/**
 * The default templates a XenServer / XCP-ng pool ships with (a representative set),
 * with the memory and vCPU recommendations and provisioning disks they carry.
 */
import type { GuestProfile } from '../hardware';
import { GiB, MiB } from '../units';

export interface TemplateSpec {
  name: string;
  os: GuestProfile['os'];
  osVersion: Record<string, string>;
  staticMinMiB: number;
  dynamicMinMiB: number;
  staticMaxMiB: number;
  vcpus: number;
  diskGiB: number;
  /** Whether the installed OS runs a guest agent out of the box (current Linux and Windows do once tools are installed). */
  toolsByDefault: boolean;
}

const linux = (
  name: string,
  distro: string,
  major: string,
  minor: string,
  pretty: string,
  uname: string,
): TemplateSpec => ({
  name,
  os: 'linux',
  osVersion: { name: pretty, distro, major, minor, uname },
  staticMinMiB: 512,
  dynamicMinMiB: 1024,
  staticMaxMiB: 2048,
  vcpus: 1,
  diskGiB: 10,
  toolsByDefault: true,
});

const windows = (name: string, pretty: string, major: string, build: string): TemplateSpec => ({
  name,
  os: 'windows',
  osVersion: { name: pretty, distro: 'windows', major, minor: '0', build },
  staticMinMiB: 2048,
  dynamicMinMiB: 2048,
  staticMaxMiB: 4096,
  vcpus: 2,
  diskGiB: 64,
  toolsByDefault: true,
});

export const STANDARD_TEMPLATES: TemplateSpec[] = [
  linux('Debian Bookworm 12', 'debian', '12', '8', 'Debian GNU/Linux 12 (bookworm)', '6.1.0-28-amd64'),
  linux('Debian Bullseye 11', 'debian', '11', '11', 'Debian GNU/Linux 11 (bullseye)', '5.10.0-33-amd64'),
  linux('Ubuntu Noble Numbat 24.04', 'ubuntu', '24', '04', 'Ubuntu 24.04.1 LTS', '6.8.0-49-generic'),
  linux('Ubuntu Jammy Jellyfish 22.04', 'ubuntu', '22', '04', 'Ubuntu 22.04.5 LTS', '5.15.0-126-generic'),
  linux('Rocky Linux 9', 'rocky', '9', '5', 'Rocky Linux 9.5 (Blue Onyx)', '5.14.0-503.14.1.el9_5.x86_64'),
  linux('AlmaLinux 9', 'almalinux', '9', '5', 'AlmaLinux 9.5 (Teal Serval)', '5.14.0-503.11.1.el9_5.x86_64'),
  linux(
    'Red Hat Enterprise Linux 9',
    'rhel',
    '9',
    '5',
    'Red Hat Enterprise Linux 9.5 (Plow)',
    '5.14.0-503.15.1.el9_5.x86_64',
  ),
  linux('CentOS Stream 9', 'centos', '9', '0', 'CentOS Stream 9', '5.14.0-527.el9.x86_64'),
  linux('Oracle Linux 9', 'oracle', '9', '5', 'Oracle Linux Server 9.5', '5.15.0-302.167.6.el9uek.x86_64'),
  linux(
    'SUSE Linux Enterprise Server 15 (64-bit)',
    'sles',
    '15',
    '6',
    'SUSE Linux Enterprise Server 15 SP6',
    '6.4.0-150600.23.25-default',
  ),
  windows('Windows Server 2022 (64-bit)', 'Microsoft Windows Server 2022 Standard', '10', '20348'),
  windows('Windows Server 2019 (64-bit)', 'Microsoft Windows Server 2019 Standard', '10', '17763'),
  windows('Windows 11', 'Microsoft Windows 11 Pro', '10', '22631'),
  windows('Windows 10 (64-bit)', 'Microsoft Windows 10 Pro', '10', '19045'),
  {
    name: 'Other install media',
    os: 'linux',
    osVersion: { name: 'Unknown', distro: 'unknown', major: '0', minor: '0' },
    staticMinMiB: 256,
    dynamicMinMiB: 1024,
    staticMaxMiB: 1024,
    vcpus: 1,
    diskGiB: 8,
    toolsByDefault: false,
  },
];

/** The provisioning spec XAPI keeps in a template's other_config:disks. */
export function provisionXml(diskGiB: number): string {
  return `<provision><disk device="0" size="${diskGiB * GiB}" sr="" bootable="true" type="system"/></provision>`;
}

export const mib = (n: number) => n * MiB;
