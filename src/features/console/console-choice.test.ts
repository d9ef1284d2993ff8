import { beforeAll, describe, expect, it } from 'vitest';
import { named } from '../../../mocks/sim/lookup';
import { createSimulator } from '../../../mocks/sim/scenarios/index';
import type { Simulator } from '../../../mocks/sim/simulator';
import type { PoolMirror } from '../../store/mirror-store';
import type { XapiClass, XapiRecord } from '../../xapi/model/types';
import { NULL_REF } from '../../xapi/refs';
import { availableConsoles, consoleVmRef, defaultMode, shownMode } from './console-choice';

let sim: Simulator;
/** The demo pool's records, as the mirror holds them after get_all_records. */
let objects: PoolMirror['objects'];

const tableOf = (cls: XapiClass) => Object.fromEntries(sim.db.refs(cls).map((ref) => [ref, sim.db.get(cls, ref)]));

beforeAll(() => {
  sim = createSimulator({ scenario: 'demo' });
  objects = { VM: tableOf('VM'), host: tableOf('host'), console: tableOf('console') } as PoolMirror['objects'];
});

const vmNamed = (name: string) => objects.VM![named(sim, 'VM', name)];

describe('consoleVmRef', () => {
  it('is the VM itself on a VM’s page', () => {
    const web = named(sim, 'VM', 'web-01');
    expect(consoleVmRef(objects, 'VM', web)).toBe(web);
  });

  it('is the host’s control domain on a host’s page', () => {
    const host = named(sim, 'host', 'xcp-host-02');
    const dom0 = consoleVmRef(objects, 'host', host)!;
    expect(objects.VM![dom0].is_control_domain).toBe(true);
    expect(objects.VM![dom0].resident_on).toBe(host);
  });

  it('finds the control domain resident on the host when the pool does not name it (host.control_domain unset)', () => {
    const host = named(sim, 'host', 'xcp-host-03');
    const dom0 = objects.host![host].control_domain;
    const unset = { ...objects.host![host], control_domain: NULL_REF as XapiRecord<'host'>['control_domain'] };
    const older = { ...objects, host: { ...objects.host, [host]: unset } };
    expect(consoleVmRef(older, 'host', host)).toBe(dom0);
  });

  it('is undefined for an object that is not in the mirror', () => {
    expect(consoleVmRef(objects, 'VM', 'OpaqueRef:gone')).toBeUndefined();
    expect(consoleVmRef(objects, 'host', 'OpaqueRef:gone')).toBeUndefined();
  });
});

describe('availableConsoles', () => {
  it('gives a running Linux guest both, each with its record’s location', () => {
    const vm = vmNamed('web-01');
    const available = availableConsoles(vm, objects.console);
    expect(Object.keys(available).sort()).toEqual(['graphical', 'text']);
    expect(objects.console![available.text!.ref].protocol).toBe('vt100');
    expect(objects.console![available.graphical!.ref].protocol).toBe('rfb');
    expect(available.text!.location).toBe(objects.console![available.text!.ref].location);
  });

  it('gives a Windows guest its graphical console only, and a halted VM none', () => {
    expect(Object.keys(availableConsoles(vmNamed('win-dc01'), objects.console))).toEqual(['graphical']);
    expect(availableConsoles(vmNamed('backup-proxy'), objects.console)).toEqual({});
  });

  it('leaves out protocols a browser cannot open, and records not yet in the mirror', () => {
    const vm = { ...vmNamed('web-01'), consoles: ['OpaqueRef:rdp', 'OpaqueRef:not-loaded'] } as XapiRecord<'VM'>;
    const table = { 'OpaqueRef:rdp': { uuid: 'r', protocol: 'rdp', location: '/x', VM: '', other_config: {} } };
    expect(availableConsoles(vm, table as unknown as PoolMirror['objects']['console'])).toEqual({});
  });
});

describe('which console shows', () => {
  const both = { text: { ref: 't', location: '/t' }, graphical: { ref: 'g', location: '/g' } };

  it('opens a VM on its graphical console, as XenCenter does, and on text when that is all it has', () => {
    expect(defaultMode(both, 'VM')).toBe('graphical');
    expect(defaultMode({ text: both.text }, 'VM')).toBe('text');
  });

  it('opens a host on its control domain’s text console', () => {
    expect(defaultMode(both, 'host')).toBe('text');
    expect(defaultMode({ graphical: both.graphical }, 'host')).toBe('graphical');
  });

  it('keeps the person’s choice while that console exists, and falls back when it goes', () => {
    expect(shownMode('text', both, 'VM')).toBe('text');
    expect(shownMode('text', { graphical: both.graphical }, 'VM')).toBe('graphical');
    expect(shownMode(undefined, {}, 'VM')).toBeUndefined();
  });
});
