/**
 * An xsconsole-style status screen for a host's console: host name, management
 * interface, memory and VMs, drawn with ANSI sequences on an 80×24 screen and redrawn
 * every second of virtual time. q leaves it.
 */
import type { XapiRecord } from '../../../../src/xapi/model/types';
import type { Simulator } from '../../simulator';
import { MiB } from '../../units';
import { hostMemoryTotalBytes, xenFreeBytes } from '../host-facts';
import type { GuestTerminal, TerminalProgram } from '../terminal';
import { clockTime } from './system';

const WIDTH = 80;
const MENU = [
  'Status Display',
  'Authentication',
  'Virtual Machines',
  'Disks and Storage Repositories',
  'Resource Pool Configuration',
  'Hardware and BIOS Information',
  'Keyboard and Timezone',
  'Remote Service Configuration',
  'Backup, Restore and Update',
  'Technical Support',
  'Reboot or Shutdown',
  'Local Command Shell',
];

const at = (row: number, col: number) => `\x1b[${row};${col}H`;
const PANEL = '\x1b[0;37;44m';
const TITLE = '\x1b[0;1;37;41m';
const SELECTED = '\x1b[0;30;47m';
const BOLD = '\x1b[0;1;37;44m';

/** A box of `width` × `height` cells at (row, col), its inside painted in the panel colours. */
function box(row: number, col: number, width: number, height: number): string {
  let out = `${PANEL}${at(row, col)}┌${'─'.repeat(width - 2)}┐`;
  for (let r = 1; r < height - 1; r++) out += `${at(row + r, col)}│${' '.repeat(width - 2)}│`;
  return `${out}${at(row + height - 1, col)}└${'─'.repeat(width - 2)}┘`;
}

function statusLines(sim: Simulator, host: string): [string, string][] {
  const record = sim.db.get<XapiRecord<'host'>>('host', host);
  const management = record.PIFs.map((ref) => sim.db.get<XapiRecord<'PIF'>>('PIF', ref)).find((pif) => pif.management);
  const guests = record.resident_VMs
    .map((ref) => sim.db.get<XapiRecord<'VM'>>('VM', ref))
    .filter((vm) => !vm.is_control_domain);
  const running = guests.filter((vm) => vm.power_state === 'Running').length;
  const mib = (bytes: number) => `${Math.floor(bytes / MiB)} MiB`;
  return [
    ['', `${record.software_version.product_brand ?? 'XCP-ng'} ${record.software_version.product_version ?? ''}`],
    ['', ''],
    ['Host name', record.hostname],
    ['CPU', record.cpu_info.modelname ?? ''],
    ['', ''],
    ['Management Network', ''],
    ['  Device', management?.device ?? '(none)'],
    ['  IP address', management?.IP || '(none)'],
    ['  Netmask', management?.netmask ?? ''],
    ['  Gateway', management?.gateway ?? ''],
    ['', ''],
    ['Memory', ''],
    ['  Total', mib(hostMemoryTotalBytes(sim, host))],
    ['  Free', mib(xenFreeBytes(sim, host))],
    ['', ''],
    ['Virtual Machines', `${running} running, ${guests.length - running} paused`],
  ];
}

export function xsconsoleScreen(sim: Simulator, host: string): string {
  const record = sim.db.get<XapiRecord<'host'>>('host', host);
  const brand = `${record.software_version.product_brand ?? 'XCP-ng'} ${record.software_version.product_version_text ?? ''}`;
  const right = `${clockTime(sim.clock.now())}   ${record.hostname} `;
  let out = `\x1b[?25l${PANEL}\x1b[H\x1b[2J`;
  out += `${TITLE}${at(1, 1)}${` ${brand}`.padEnd(WIDTH - right.length)}${right}`;
  out += box(3, 2, 32, 19) + box(3, 35, 45, 19);
  MENU.forEach((item, i) => {
    out += `${i === 0 ? SELECTED : PANEL}${at(5 + i, 4)}${` ${item}`.padEnd(28)}`;
  });
  statusLines(sim, host).forEach(([label, value], i) => {
    const text = label ? `${label.padEnd(20)}${value}` : value;
    out += `${i === 0 || (label && !label.startsWith(' ') && !value) ? BOLD : PANEL}${at(4 + i, 37)}${text.slice(0, 41)}`;
  });
  out += `${PANEL}${at(23, 2)}<q> Quit`;
  return `${out}\x1b[0m`;
}

export class XsconsoleProgram implements TerminalProgram {
  private timer: number | undefined;

  constructor(
    private readonly terminal: GuestTerminal,
    private readonly host: string,
  ) {}

  start(): void {
    this.draw();
  }

  input(text: string): void {
    if (text === 'q' || text === '\x03') {
      this.terminal.write('\x1b[0m\x1b[H\x1b[2J\x1b[?25h');
      this.terminal.exit(this);
    }
  }

  stop(): void {
    if (this.timer !== undefined) this.terminal.cancel(this.timer);
  }

  private draw(): void {
    if (this.timer !== undefined) this.terminal.cancel(this.timer);
    this.terminal.write(xsconsoleScreen(this.terminal.sim, this.host));
    // Redraw on the next whole second, so the clock ticks with the virtual time.
    this.timer = this.terminal.schedule(1000 - (this.terminal.sim.clock.now() % 1000), () => this.draw());
  }
}
