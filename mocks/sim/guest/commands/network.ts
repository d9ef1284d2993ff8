/** `ip addr`, `ip link` and `ip route`, in iproute2's layout, for a guest's NICs or a host's NICs and bridges. */

export interface Interface {
  name: string;
  mac: string;
  mtu: number;
  /** The bridge a host's physical NIC belongs to (Open vSwitch on XCP-ng). */
  master?: string;
  ipv4?: { address: string; prefix: number };
}

function broadcast(address: string, prefix: number): string {
  const value = address.split('.').reduce((n, octet) => (n << 8) | Number(octet), 0) >>> 0;
  const host = prefix >= 32 ? 0 : 2 ** (32 - prefix) - 1;
  const b = (value | host) >>> 0;
  return [24, 16, 8, 0].map((shift) => (b >>> shift) & 255).join('.');
}

function network(address: string, prefix: number): string {
  const value = address.split('.').reduce((n, octet) => (n << 8) | Number(octet), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const n = (value & mask) >>> 0;
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
}

/** The IPv6 link-local address the kernel derives from a MAC (EUI-64). */
function linkLocal(mac: string): string {
  const b = mac.split(':').map((h) => Number.parseInt(h, 16));
  const eui = [b[0] ^ 2, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]];
  const groups = [0, 2, 4, 6].map((i) => ((eui[i] << 8) | eui[i + 1]).toString(16));
  return `fe80::${groups.join(':')}/64`;
}

const LOOPBACK = [
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
];

function linkLine(nic: Interface, index: number): string {
  const bridge = nic.name.startsWith('xenbr');
  const master = nic.master ? ' master ovs-system' : '';
  const qdisc = bridge ? 'noqueue' : 'mq';
  const state = bridge ? 'UNKNOWN' : 'UP';
  return `${index}: ${nic.name}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${nic.mtu} qdisc ${qdisc}${master} state ${state} group default qlen 1000`;
}

function addrLines(nics: Interface[]): string[] {
  const lines = [
    ...LOOPBACK,
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    '    inet6 ::1/128 scope host noprefixroute',
    '       valid_lft forever preferred_lft forever',
  ];
  nics.forEach((nic, i) => {
    lines.push(linkLine(nic, i + 2), `    link/ether ${nic.mac} brd ff:ff:ff:ff:ff:ff`);
    if (nic.ipv4) {
      const { address, prefix } = nic.ipv4;
      lines.push(
        `    inet ${address}/${prefix} brd ${broadcast(address, prefix)} scope global ${nic.name}`,
        '       valid_lft forever preferred_lft forever',
      );
    }
    if (!nic.master) {
      lines.push(`    inet6 ${linkLocal(nic.mac)} scope link`, '       valid_lft forever preferred_lft forever');
    }
  });
  return lines;
}

function linkLines(nics: Interface[]): string[] {
  return [
    ...LOOPBACK,
    ...nics.flatMap((nic, i) => [linkLine(nic, i + 2), `    link/ether ${nic.mac} brd ff:ff:ff:ff:ff:ff`]),
  ];
}

function routeLines(nics: Interface[]): string[] {
  const routed = nics.filter((nic) => nic.ipv4);
  const lines: string[] = [];
  const first = routed[0]?.ipv4;
  if (first)
    lines.push(`default via ${network(first.address, first.prefix).replace(/\d+$/, '1')} dev ${routed[0].name}`);
  for (const nic of routed) {
    const { address, prefix } = nic.ipv4!;
    lines.push(`${network(address, prefix)}/${prefix} dev ${nic.name} proto kernel scope link src ${address}`);
  }
  return lines;
}

const OBJECTS: [string[], (nics: Interface[]) => string[]][] = [
  [['a', 'ad', 'addr', 'addre', 'addres', 'address'], addrLines],
  [['l', 'li', 'lin', 'link'], linkLines],
  [['r', 'ro', 'rou', 'rout', 'route'], routeLines],
];

/** `ip OBJECT [show [dev] NAME]`. */
export function ipCommand(nics: Interface[], args: string[]): string {
  const [object, ...rest] = args;
  if (object === undefined) {
    return 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | link | route | ... }';
  }
  const found = OBJECTS.find(([names]) => names.includes(object));
  if (!found) return `Object "${object}" is unknown, try "ip help".`;
  const words = rest.filter((w) => w !== 'show' && w !== 'list' && w !== 'dev');
  const dev = words[0];
  if (dev !== undefined && !nics.some((nic) => nic.name === dev) && dev !== 'lo') {
    return `Device "${dev}" does not exist.`;
  }
  const lines = found[1](nics);
  if (dev === undefined) return lines.join('\n');
  if (found[1] === routeLines) return lines.filter((line) => line.includes(` dev ${dev}`)).join('\n');
  // One device: its block of lines (each starts "<index>: <name>:").
  const blocks: string[][] = [];
  for (const line of lines) {
    if (/^\d+: /.test(line)) blocks.push([line]);
    else blocks.at(-1)?.push(line);
  }
  return (blocks.find((block) => block[0].split(': ')[1] === dev) ?? []).join('\n');
}
