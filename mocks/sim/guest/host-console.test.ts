import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../../src/xapi/model/types';
import { dispatch } from '../../xapi/dispatch';
import { call } from '../../xapi/testing';
import { named } from '../lookup';
import { createSimulator } from '../scenarios/index';
import type { Simulator } from '../simulator';
import { MiB } from '../units';
import { attachConsole, type ConsoleDriver } from './testing';

let sim: Simulator;

beforeEach(() => {
  sim = createSimulator({ scenario: 'demo', users: [{ name: 'ops', password: 's3cret' }] });
});

const host = (name: string) => named(sim, 'host', name);
const dom0Of = (h: string) => sim.db.get<XapiRecord<'host'>>('host', h).control_domain;

function hostConsole(name: string): ConsoleDriver {
  const driver = attachConsole(sim, dom0Of(host(name)));
  driver.login('ops', 's3cret');
  return driver;
}

describe("a host's console", () => {
  it("logs in with the pool's own accounts", () => {
    const driver = attachConsole(sim, dom0Of(host('xcp-host-02')));
    expect(driver.terminal.recentOutput()).toContain(
      'XCP-ng release 8.3.0 (xenenterprise)\r\nKernel 4.19.0+1 on an x86_64',
    );
    driver.type('root\rxenith\r');
    sim.clock.advance(3_000);
    expect(driver.take()).toContain('Login incorrect');
    driver.type('ops\rs3cret\r');
    expect(driver.take().endsWith('[ops@xcp-host-02 ~]$ ')).toBe(true);
  });

  it("lists the host's domains in xl list with their memory and vCPUs, in xl's layout", async () => {
    const h = host('xcp-host-01');
    const driver = hostConsole('xcp-host-01');
    const lines = driver.run('xl list').split('\n');
    expect(lines[0]).toBe('Name                                        ID   Mem VCPUs\tState\tTime(s)');
    const resident = sim.db
      .get<XapiRecord<'host'>>('host', h)
      .resident_VMs.map((ref) => sim.db.get<XapiRecord<'VM'>>('VM', ref))
      .sort((a, b) => a.domid - b.domid);
    expect(lines).toHaveLength(resident.length + 1);
    resident.forEach((vm, i) => {
      const metrics = sim.db.get<XapiRecord<'VM_metrics'>>('VM_metrics', vm.metrics);
      const name = vm.is_control_domain ? 'Domain-0' : vm.name_label;
      const state = vm.is_control_domain ? 'r-----' : '-b----';
      expect(lines[i + 1]).toMatch(
        new RegExp(
          `^${name.padEnd(40)} ${String(vm.domid).padStart(5)} ${String(metrics.memory_actual / MiB).padStart(5)} ${String(metrics.VCPUs_number).padStart(5)} {5}${state} {2} *\\d+\\.\\d$`,
        ),
      );
    });

    // A guest started on this host joins the list.
    const session = (await dispatch(sim, 'session.login_with_password', ['ops', 's3cret'])).value as string;
    const vm = named(sim, 'VM', 'backup-proxy');
    await call(sim, 'VM.start_on', session, vm, h, false, false);
    expect(driver.run('xl list backup-proxy').split('\n')[1]).toMatch(/^backup-proxy {29}\s+\d+ {2}2048 {5}2 /);
    expect(driver.run('xl list nosuch')).toBe('nosuch is an invalid domain identifier (rc=-6)');
  });

  it("shows Xen's view of the machine in xl info", () => {
    const driver = hostConsole('xcp-host-03');
    const info = Object.fromEntries(
      driver
        .run('xl info')
        .split('\n')
        .map((line) => [line.slice(0, 23).trim(), line.slice(25)]),
    );
    expect(info).toMatchObject({
      host: 'xcp-host-03',
      nr_cpus: '8',
      cores_per_socket: '8',
      threads_per_core: '1',
      total_memory: String(32 * 1024),
      xen_version: '4.17.5-13',
    });
    expect(Number(info.free_memory)).toBeLessThan(32 * 1024);
  });

  it("answers free -m, uptime and ip addr for dom0 and the host's bridges", () => {
    const h = host('xcp-host-01');
    const driver = hostConsole('xcp-host-01');
    const dom0Memory = sim.db.get<XapiRecord<'VM_metrics'>>(
      'VM_metrics',
      sim.db.get<XapiRecord<'VM'>>('VM', dom0Of(h)).metrics,
    ).memory_actual;
    expect(Number(/^Mem:\s+(\d+)/m.exec(driver.run('free -m'))?.[1])).toBe(dom0Memory / MiB);
    expect(driver.run('uptime')).toMatch(/^ 00:00:00 up 0 min, {2}1 user, {2}load average: /);
    const address = sim.db.get<XapiRecord<'host'>>('host', h).address;
    expect(driver.run('ip addr show xenbr0')).toContain(`inet ${address}/24 brd 192.0.2.255 scope global xenbr0`);
  });

  it('draws an xsconsole status screen with the host, its address, memory and VMs, and q leaves it', () => {
    const h = host('xcp-host-02');
    const driver = hostConsole('xcp-host-02');
    driver.type('xsconsole\r');
    const screen = driver.take();
    expect(screen).toContain('\x1b[1;1H');
    const guests = sim.db
      .get<XapiRecord<'host'>>('host', h)
      .resident_VMs.filter((ref) => !sim.db.get<XapiRecord<'VM'>>('VM', ref).is_control_domain);
    for (const text of [
      'xcp-host-02',
      '192.0.2.11',
      '255.255.255.0',
      '49152 MiB',
      `${guests.length - 1} running, 1 paused`,
    ]) {
      expect(screen).toContain(text);
    }
    sim.clock.advance(1_000);
    expect(driver.take()).toContain('00:00:01   xcp-host-02');
    // An hour of redraws: what the console keeps for a late viewer stays bounded.
    sim.clock.advance(3_600_000);
    expect(driver.terminal.recentOutput().length).toBeLessThanOrEqual(64 * 1024);
    expect(driver.terminal.recentOutput().startsWith('\x1b')).toBe(true);
    driver.take();
    driver.type('q');
    expect(driver.take()).toBe('\x1b[0m\x1b[H\x1b[2J\x1b[?25h[ops@xcp-host-02 ~]$ ');
    sim.clock.advance(5_000);
    expect(driver.take()).toBe('');
  });
});
