import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../../src/xapi/model/types';
import { call, login, settle } from '../../xapi/testing';
import { guestOf } from '../domains';
import { recordGuestEvent } from '../guest-log';
import { named } from '../lookup';
import { createSimulator } from '../scenarios/index';
import type { Simulator } from '../simulator';
import { GiB, MiB } from '../units';
import { guestTerminal } from './guest-consoles';
import { LOGIN_FAILURE_DELAY_MS } from './login';
import { attachConsole, type ConsoleDriver } from './testing';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

const vm = (name: string) => named(sim, 'VM', name);
const rec = (ref: string) => sim.db.get<XapiRecord<'VM'>>('VM', ref);
const metricsOf = (ref: string) => rec(ref).metrics;

function loggedIn(name: string): ConsoleDriver {
  const driver = attachConsole(sim, vm(name));
  driver.login();
  return driver;
}

describe('a Linux guest console', () => {
  it('boots with a kernel log describing the VM, then asks for a login', async () => {
    const ref = vm('backup-proxy');
    await call(sim, 'VM.start', session, ref, false, false);
    const driver = attachConsole(sim, ref);
    const { bootMs } = guestOf(sim, ref);
    expect(driver.terminal.recentOutput()).not.toContain('login:');
    sim.clock.advance(bootMs);
    const screen = driver.terminal.recentOutput().replace(/\r\n/g, '\n');
    const record = rec(ref);
    expect(screen).toContain(`smp: Brought up 1 node, ${record.VCPUs_at_startup} CPUs`);
    expect(screen).toContain(`${Math.floor(record.memory_static_max / 1024)}K available`);
    for (const vif of record.VIFs) expect(screen).toContain(sim.db.get<XapiRecord<'VIF'>>('VIF', vif).MAC);
    const disk = sim.db.get<XapiRecord<'VBD'>>(
      'VBD',
      record.VBDs.find((v) => sim.db.get<XapiRecord<'VBD'>>('VBD', v).type === 'Disk')!,
    );
    const sectors = sim.db.get<XapiRecord<'VDI'>>('VDI', disk.VDI).virtual_size / 512;
    expect(screen).toContain(`xvda: detected capacity change from 0 to ${sectors}`);
    expect(screen.trimEnd().endsWith('backup-proxy login:')).toBe(true);
  });

  it('refuses a wrong password after login’s delay and accepts root’s', () => {
    const driver = attachConsole(sim, vm('web-01'));
    driver.type('root\rwrong\r');
    expect(driver.take()).not.toContain('Login incorrect');
    sim.clock.advance(LOGIN_FAILURE_DELAY_MS);
    expect(driver.take()).toBe('\nLogin incorrect\nweb-01 login: ');
    driver.type('root\rxenith\r');
    expect(driver.take().endsWith('root@web-01:~# ')).toBe(true);
  });

  it('answers free -m with memory_actual, and follows it when the balloon moves', () => {
    const ref = vm('web-01');
    const driver = loggedIn('web-01');
    const total = () => Number(/^Mem:\s+(\d+)/m.exec(driver.run('free -m'))?.[1]);
    expect(total()).toBe(sim.db.get<XapiRecord<'VM_metrics'>>('VM_metrics', metricsOf(ref)).memory_actual / MiB);
    sim.db.update('VM_metrics', metricsOf(ref), { memory_actual: 1536 * MiB });
    expect(total()).toBe(1536);
    expect(driver.run('free -m').split('\n')[0]).toBe(
      '               total        used        free      shared  buff/cache   available',
    );
    expect(driver.run('cat /proc/meminfo').split('\n')[0]).toBe(`MemTotal:        ${1536 * 1024} kB`);
  });

  it('uses the memory the performance graphs show it using', async () => {
    const ref = vm('db-replica');
    const driver = loggedIn('db-replica');
    sim.clock.advance(3_600_000);
    const [, total, used] = /^Mem:\s+(\d+)\s+(\d+)/m.exec(driver.run('free -b'))!.map(Number);
    const freeKiB = await call<number>(sim, 'VM.query_data_source', session, ref, 'memory_internal_free');
    expect(used).toBe(total - freeKiB * 1024);
  });

  it('counts its vCPUs in nproc and /proc/cpuinfo, hot-added ones included', () => {
    const ref = vm('web-01');
    const driver = loggedIn('web-01');
    expect(driver.run('nproc')).toBe('2');
    sim.db.update('VM_metrics', metricsOf(ref), { VCPUs_number: 4 });
    expect(driver.run('nproc')).toBe('4');
    expect(driver.run('nproc --all')).toBe(String(rec(ref).VCPUs_max));
    const processors = driver.run('cat /proc/cpuinfo | grep processor');
    expect(processors.split('\n')).toEqual(['processor\t: 0', 'processor\t: 1', 'processor\t: 2', 'processor\t: 3']);
    const host = sim.db.get<XapiRecord<'host'>>('host', rec(ref).resident_on);
    expect(driver.run('grep "model name" /proc/cpuinfo | head -n 1')).toBe(`model name\t: ${host.cpu_info.modelname}`);
  });

  it('shows each VIF with its MAC and the address the guest agent reports in ip addr', () => {
    const ref = vm('web-01');
    const driver = loggedIn('web-01');
    const output = driver.run('ip addr');
    const networks = sim.db.get<XapiRecord<'VM_guest_metrics'>>('VM_guest_metrics', rec(ref).guest_metrics).networks;
    for (const vifRef of rec(ref).VIFs) {
      const vif = sim.db.get<XapiRecord<'VIF'>>('VIF', vifRef);
      expect(output).toContain(`eth${vif.device}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500`);
      expect(output).toContain(`link/ether ${vif.MAC} brd ff:ff:ff:ff:ff:ff`);
      expect(output).toContain(`inet ${networks[`${vif.device}/ip`]}/24 brd`);
    }
    expect(driver.run('ip addr show dev eth1').split('\n')[0]).toMatch(/^3: eth1: /);
    expect(driver.run('ip route').split('\n')[0]).toBe('default via 192.0.2.1 dev eth0');
  });

  it('lists its disks in df -h at their sizes', () => {
    const driver = loggedIn('db-primary');
    const rows = driver.run('df -h').split('\n');
    expect(rows[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    // 40 GiB and 500 GiB disks, less what ext4 keeps for itself.
    expect(rows.find((r) => r.endsWith(' /'))).toMatch(/^\/dev\/xvda1\s+40G /);
    expect(rows.find((r) => r.endsWith(' /data'))).toMatch(/^\/dev\/xvdb1\s+490G /);
  });

  it('counts uptime from the domain’s start on the virtual clock', () => {
    const driver = loggedIn('web-01');
    sim.clock.advance(2 * 3600_000 + 5 * 60_000);
    expect(driver.run('uptime')).toMatch(
      /^ 02:05:00 up {2}2:05, {2}1 user, {2}load average: \d+\.\d\d, \d+\.\d\d, \d+\.\d\d$/,
    );
    sim.clock.advance(2 * 86_400_000);
    expect(driver.run('uptime -p')).toBe('up 2 days, 2 hours, 5 minutes');
  });

  it('prints its kernel log in dmesg, with what the kernel noticed as it happened', () => {
    const ref = vm('web-01');
    const driver = loggedIn('web-01');
    sim.clock.advance(90_000);
    recordGuestEvent(sim, ref, { kind: 'balloon-target', fromBytes: 2048 * 1024 * 1024, toBytes: 1536 * 1024 * 1024 });
    const lines = driver.run('dmesg').split('\n');
    expect(lines[0]).toMatch(/^\[ {4}0\.\d{6}\] Linux version 6\.1\.0-28-amd64 /);
    expect(lines.at(-1)).toMatch(/^\[ {3}\d{2}\.\d{6}\] xen:balloon: target 1572864 kB \(was 2097152 kB\)$/);
    // Kernel time counts from the kernel's start: about 90 s after this boot's.
    expect(Number(/\[\s*(\d+)\./.exec(lines.at(-1)!)?.[1])).toBeGreaterThanOrEqual(90);
  });

  it('shows a load view in top, and q leaves it', () => {
    const driver = loggedIn('db-primary');
    const batch = driver.run('top -b -n 1').split('\n');
    expect(batch[0]).toMatch(/^top - 00:00:00 up 0 min, {2}1 user, {2}load average: /);
    expect(batch[3]).toMatch(/^MiB Mem : {2}32768\.0 total,/);
    expect(batch.find((line) => line.endsWith(' postgres'))).toBeDefined();
    driver.type('top\r');
    expect(driver.take()).toContain('\x1b[H\x1b[2Jtop - ');
    sim.clock.advance(3_000);
    expect(driver.take()).toContain('\x1b[H\x1b[2Jtop - 00:00:03');
    driver.type('q');
    expect(driver.take()).toBe('\x1b[?25h\n[root@db-primary ~]# ');
    sim.clock.advance(10_000);
    expect(driver.take()).toBe('');
  });

  it('names itself in hostname and uname, per its distribution', () => {
    const driver = loggedIn('db-primary');
    expect(driver.run('hostname')).toBe('db-primary');
    expect(driver.run('uname -a')).toBe(
      'Linux db-primary 5.14.0-503.14.1.el9_5.x86_64 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux',
    );
    expect(driver.run('uname -r')).toBe('5.14.0-503.14.1.el9_5.x86_64');
    // Red Hat's prompt, not Debian's.
    expect(driver.take()).toBe('');
    driver.type('\r');
    expect(driver.take()).toBe('\n[root@db-primary ~]# ');
  });

  it('answers an unknown command as bash does, and edits the line', () => {
    const driver = loggedIn('web-01');
    expect(driver.run('frobnicate --now')).toBe('-bash: frobnicate: command not found');
    driver.type('hostnamX\x7fe\r');
    expect(driver.take()).toBe('hostnamX\b \be\nweb-01\nroot@web-01:~# ');
    driver.type('free -m\x03');
    expect(driver.take()).toBe('free -m^C\nroot@web-01:~# ');
    driver.type('\x1b[A');
    expect(driver.take()).toBe('hostname');
    driver.type('\x15\x04');
    expect(driver.take()).toBe(
      `${'\b \b'.repeat(8)}logout\n\nDebian GNU/Linux 12 (bookworm) web-01 ttyS0\n\nweb-01 login: `,
    );
  });

  it('keeps a paused guest’s keystrokes until it runs again', async () => {
    const ref = vm('web-01');
    const driver = loggedIn('web-01');
    await call(sim, 'VM.pause', session, ref);
    driver.type('hostname\r');
    expect(driver.take()).toBe('');
    await call(sim, 'VM.unpause', session, ref);
    expect(driver.take()).toBe('hostname\nweb-01\nroot@web-01:~# ');
  });
});

describe('power from inside a Linux guest', () => {
  it('poweroff stops the services, then halts the VM the way a clean shutdown ends, with its events', async () => {
    const ref = vm('web-01');
    const driver = loggedIn('web-01');
    const ended: string[] = [];
    driver.terminal.onEnd(() => ended.push('console'));
    const { token } = await call<{ token: string }>(sim, 'event.from', session, ['vm', 'console'], '', 0);
    const consoles = rec(ref).consoles;
    driver.type('poweroff\r');
    sim.clock.advance(guestOf(sim, ref).shutdownMs - 1);
    expect(rec(ref).power_state).toBe('Running');
    expect(driver.take()).toContain('Reached target poweroff.target - System Power Off.');
    sim.clock.advance(1);
    expect(rec(ref)).toMatchObject({ power_state: 'Halted', resident_on: 'OpaqueRef:NULL', domid: -1, consoles: [] });
    expect(ended).toEqual(['console']);
    type Event = { class: string; operation: string; ref: string; snapshot?: { record: { power_state?: string } } };
    const events = await settle(
      sim,
      call<{ events: Event[] }>(sim, 'event.from', session, ['vm', 'console'], token, 1),
    );
    expect(events.events.filter((e) => e.class === 'console').map((e) => [e.ref, e.operation])).toEqual(
      consoles.map((c) => [c, 'del']),
    );
    expect(events.events.find((e) => e.class === 'vm' && e.ref === ref)?.snapshot?.record.power_state).toBe('Halted');
    expect(rec(ref).allowed_operations).toContain('start');
    // A guest that halts itself raises no VM_SHUTDOWN message: xapi sends those only for API calls.
    const messages = await call<Record<string, { name: string; obj_uuid: string }>>(
      sim,
      'message.get_all_records',
      session,
    );
    expect(Object.values(messages).filter((m) => m.obj_uuid === rec(ref).uuid && m.name === 'VM_SHUTDOWN')).toEqual([]);
  });

  it('reboot and shutdown -r now rebuild the domain, which boots again with the same consoles', () => {
    const ref = vm('web-01');
    const driver = loggedIn('web-01');
    const before = { domid: rec(ref).domid, consoles: rec(ref).consoles };
    driver.type('shutdown -r now\r');
    sim.clock.advance(guestOf(sim, ref).shutdownMs);
    expect(rec(ref)).toMatchObject({ power_state: 'Running', consoles: before.consoles });
    expect(rec(ref).domid).not.toBe(before.domid);
    expect(driver.terminal.ended).toBe(true);
    const again = attachConsole(sim, ref);
    expect(again.terminal).not.toBe(driver.terminal);
    sim.clock.advance(guestOf(sim, ref).bootMs);
    expect(again.terminal.recentOutput()).toMatch(/^SeaBIOS[\s\S]*web-01 login: $/);
  });

  it('honours actions_after_shutdown = restart', async () => {
    const ref = vm('web-01');
    await call(sim, 'VM.set_actions_after_shutdown', session, ref, 'restart');
    const driver = loggedIn('web-01');
    driver.type('poweroff\r');
    sim.clock.advance(guestOf(sim, ref).shutdownMs);
    expect(rec(ref).power_state).toBe('Running');
  });

  it('schedules shutdown for later unless told now, and shutdown -c cancels it', () => {
    const ref = vm('web-01');
    const driver = loggedIn('web-01');
    expect(driver.run('shutdown +2')).toBe(
      "Shutdown scheduled for Thu Jan  1 00:02:00 UTC 2026, use 'shutdown -c' to cancel.",
    );
    expect(driver.run('shutdown -c')).toBe('');
    sim.clock.advance(10 * 60_000);
    expect(rec(ref).power_state).toBe('Running');
  });
});

describe('text consoles per kind of guest', () => {
  it('gives Windows guests none and Linux guests one each', () => {
    expect(guestTerminal(sim, vm('win-dc01'))).toBeUndefined();
    expect(guestTerminal(sim, vm('backup-proxy'))).toBeUndefined();
    expect(guestTerminal(sim, vm('web-01'))).toBe(guestTerminal(sim, vm('web-01')));
  });

  it('uses memory in proportion to the guest: a 32 GiB database holds more than a 4 GiB web server', () => {
    const used = (name: string) => Number(/^Mem:\s+\d+\s+(\d+)/m.exec(loggedIn(name).run('free -b'))?.[1]);
    expect(used('db-primary')).toBeGreaterThan(used('web-01'));
    expect(used('db-primary')).toBeLessThan(32 * GiB);
  });
});
