import { describe, expect, it } from 'vitest';
import { NULL_REF } from '../db';
import { RELATIONS } from '../relations';
import type { Simulator } from '../simulator';
import { createSimulator } from './index';

function records<T>(sim: Simulator, cls: string): T[] {
  return [...sim.db.rows(cls)].map((row) => row.record as T);
}

/** Every reverse set holds exactly the objects whose forward ref names its owner. */
function expectRelationsConsistent(sim: Simulator) {
  for (const r of RELATIONS) {
    const expected = new Map<string, string[]>();
    for (const row of sim.db.rows(r.cls)) {
      const owner = row.record[r.field] as string;
      if (owner === NULL_REF || !sim.db.has(r.owner, owner)) continue;
      if (!expected.has(owner)) expected.set(owner, []);
      expected.get(owner)!.push(row.ref);
    }
    for (const row of sim.db.rows(r.owner)) {
      expect([...(row.record[r.set] as string[])].sort(), `${r.owner}.${r.set}`).toEqual(
        (expected.get(row.ref) ?? []).sort(),
      );
    }
  }
}

describe('demo scenario', () => {
  const sim = createSimulator({ scenario: 'demo' });
  type Vm = {
    name_label: string;
    power_state: string;
    is_a_template: boolean;
    is_control_domain: boolean;
    is_a_snapshot: boolean;
    VBDs: string[];
    consoles: string[];
    guest_metrics: string;
  };
  const guests = records<Vm>(sim, 'VM').filter((v) => !v.is_a_template && !v.is_control_domain && !v.is_a_snapshot);

  it('has three differently sized hosts, each with a control domain', () => {
    const hosts = records<{ metrics: string; control_domain: string }>(sim, 'host');
    expect(hosts).toHaveLength(3);
    const sizes = hosts.map((h) => sim.db.get<{ memory_total: number }>('host_metrics', h.metrics).memory_total);
    expect(new Set(sizes).size).toBe(3);
    for (const h of hosts)
      expect(sim.db.get<{ is_control_domain: boolean }>('VM', h.control_domain).is_control_domain).toBe(true);
  });

  it('has about fifteen guests in every power state, Linux and Windows, with and without tools', () => {
    expect(guests.length).toBeGreaterThanOrEqual(15);
    expect(new Set(guests.map((g) => g.power_state))).toEqual(new Set(['Running', 'Halted', 'Suspended', 'Paused']));
    const running = guests.filter((g) => g.power_state === 'Running');
    const os = running.map(
      (g) =>
        sim.db.find<{ os_version: Record<string, string> }>('VM_guest_metrics', g.guest_metrics)?.os_version.distro,
    );
    expect(os).toContain('windows');
    expect(os).toContain('debian');
    expect(running.some((g) => g.guest_metrics === NULL_REF)).toBe(true);
  });

  it('ships the standard templates, local and shared storage, and a VLAN network', () => {
    const templates = records<Vm>(sim, 'VM').filter((v) => v.is_a_template);
    expect(templates.map((t) => t.name_label)).toEqual(
      expect.arrayContaining(['Debian Bookworm 12', 'Windows Server 2022 (64-bit)']),
    );
    const srs = records<{ shared: boolean; type: string }>(sim, 'SR');
    expect(srs.filter((s) => !s.shared && s.type === 'ext')).toHaveLength(3);
    expect(srs.some((s) => s.shared && s.type === 'nfs')).toBe(true);
    expect(records<{ tag: number }>(sim, 'VLAN').map((v) => v.tag)).toEqual([100, 100, 100]);
    expect(records(sim, 'network').length).toBeGreaterThanOrEqual(3);
  });

  it('attaches running guests’ disks and gives them consoles', () => {
    for (const g of guests.filter((v) => v.power_state === 'Running')) {
      const attached = g.VBDs.filter(
        (vbd) => sim.db.get<{ currently_attached: boolean }>('VBD', vbd).currently_attached,
      );
      expect(attached.length, g.name_label).toBeGreaterThan(0);
      expect(g.consoles.length, g.name_label).toBeGreaterThan(0);
    }
  });

  it('keeps every reverse relation consistent', () => expectRelationsConsistent(sim));

  it('is repeatable: the same seed builds the same pool', () => {
    const again = createSimulator({ scenario: 'demo' });
    expect(again.db.refs('VM')).toEqual(sim.db.refs('VM'));
    expect(records(again, 'VIF')).toEqual(records(sim, 'VIF'));
  });
});

describe('large scenario', () => {
  const sim = createSimulator({ scenario: 'large' });

  it('has 64 hosts and 5,000 guests', () => {
    expect(sim.db.count('host')).toBe(64);
    const guests = records<{ is_a_template: boolean; is_control_domain: boolean }>(sim, 'VM').filter(
      (v) => !v.is_a_template && !v.is_control_domain,
    );
    expect(guests).toHaveLength(5_000);
  });

  it('keeps every reverse relation consistent', () => expectRelationsConsistent(sim));
});
