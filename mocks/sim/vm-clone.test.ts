import { beforeEach, describe, expect, it } from 'vitest';
import type { XapiRecord } from '../../src/xapi/model/types';
import { dispatch } from '../xapi/dispatch';
import { call, callError, flushMicrotasks, login } from '../xapi/testing';
import { NULL_DATETIME, NULL_REF } from './db';
import { invariantViolations } from './invariants';
import { named } from './lookup';
import { createSimulator } from './scenarios/index';
import type { Simulator } from './simulator';
import { GiB } from './units';

let sim: Simulator;
let session: string;

beforeEach(async () => {
  sim = createSimulator({ scenario: 'demo' });
  session = await login(sim);
});

type Vdi = XapiRecord<'VDI'>;
const vm = (name: string) => named(sim, 'VM', name);
const rec = (ref: string) => sim.db.get<XapiRecord<'VM'>>('VM', ref);
const vbd = (ref: string) => sim.db.get<XapiRecord<'VBD'> & { type: string }>('VBD', ref);
const vdi = (ref: string) => sim.db.get<Vdi>('VDI', ref);
const vif = (ref: string) => sim.db.get<XapiRecord<'VIF'>>('VIF', ref);
const disksOf = (ref: string) =>
  rec(ref)
    .VBDs.map(vbd)
    .filter((b) => b.type === 'Disk')
    .map((b) => b.VDI);
const macsOf = (ref: string) => rec(ref).VIFs.map((v) => vif(v).MAC);

async function run(ms: number, stepMs = 100) {
  for (let t = 0; t < ms; t += stepMs) {
    sim.clock.advance(Math.min(stepMs, ms - t));
    await flushMicrotasks();
  }
}

describe('VM.clone and VM.copy', () => {
  it('clones a halted VM: new disks cloned in the same SR, new VBDs, new MACs, fresh metrics', async () => {
    const source = vm('backup-proxy');
    const copy = await call<string>(sim, 'VM.clone', session, source, 'backup-proxy 2');
    expect(rec(copy)).toMatchObject({
      name_label: 'backup-proxy 2',
      power_state: 'Halted',
      is_a_template: false,
      is_a_snapshot: false,
    });
    const [original] = disksOf(source);
    const [cloned] = disksOf(copy);
    expect(cloned).not.toBe(original);
    expect(vdi(cloned)).toMatchObject({
      SR: vdi(original).SR,
      virtual_size: vdi(original).virtual_size,
      is_a_snapshot: false,
    });
    expect(rec(copy).VBDs.every((b) => vbd(b).VM === copy)).toBe(true);
    expect(macsOf(copy)).toHaveLength(macsOf(source).length);
    expect(macsOf(copy)).not.toEqual(macsOf(source));
    expect(rec(copy).metrics).not.toBe(rec(source).metrics);
    expect(rec(copy).other_config.mac_seed).toMatch(/^[0-9a-f-]{36}$/);
    expect(rec(copy).allowed_operations).toContain('start');
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('copies disks in full to the SR asked for, taking time by the data copied', async () => {
    const source = vm('backup-proxy');
    const iscsi = named(sim, 'SR', 'iSCSI SAN');
    const before = sim.db.get<XapiRecord<'SR'>>('SR', iscsi).virtual_allocation;
    const t = (await dispatch(sim, 'Async.VM.copy', [session, source, 'backup-proxy copy', iscsi])).value as string;
    await run(1_000);
    expect(sim.db.get<XapiRecord<'task'>>('task', t).status).toBe('pending');
    await run(3_000);
    const copy = rec(vm('backup-proxy copy'));
    const [disk] = copy.VBDs.map(vbd).filter((b) => b.type === 'Disk');
    expect(vdi(disk.VDI)).toMatchObject({ SR: iscsi, virtual_size: 30 * GiB });
    expect(sim.db.get<XapiRecord<'SR'>>('SR', iscsi).virtual_allocation).toBe(before + 30 * GiB);
  });

  it('refuses to copy disks to an ISO SR', async () => {
    const iso = named(sim, 'SR', 'ISO library');
    expect(await callError(sim, 'VM.copy', session, vm('backup-proxy'), 'x', iso)).toEqual([
      'OPERATION_NOT_ALLOWED',
      "Cannot copy a VM's disks to an ISO SR",
    ]);
    expect(sim.db.refs('VM').some((r) => rec(r).name_label === 'x')).toBe(false);
  });

  it('makes a clone of a default template an ordinary template naming its base', async () => {
    const template = vm('Debian Bookworm 12');
    const copy = await call<string>(sim, 'VM.clone', session, template, 'my debian');
    expect(rec(copy)).toMatchObject({ is_a_template: true, is_default_template: false });
    expect(rec(copy).other_config.default_template).toBeUndefined();
    expect(rec(copy).other_config.base_template_name).toBe('Debian Bookworm 12');
    expect(rec(copy).allowed_operations).toContain('destroy');
  });

  it('leaves nothing behind when cancelled', async () => {
    const count = sim.db.count('VM');
    const vdis = sim.db.count('VDI');
    const t = (await dispatch(sim, 'Async.VM.clone', [session, vm('backup-proxy'), 'never'])).value as string;
    await run(500);
    await call(sim, 'task.cancel', session, t);
    await run(100);
    expect(sim.db.get<XapiRecord<'task'>>('task', t).status).toBe('cancelled');
    expect([sim.db.count('VM'), sim.db.count('VDI')]).toEqual([count, vdis]);
    expect(rec(vm('backup-proxy')).current_operations).toEqual({});
  });
});

describe('VM.snapshot and VM.checkpoint', () => {
  it('snapshots a running VM: a halted template-snapshot with snapshotted disks and the same MACs', async () => {
    const source = vm('web-01');
    const snap = await call<string>(sim, 'VM.snapshot', session, source, 'before patching');
    expect(rec(snap)).toMatchObject({
      is_a_snapshot: true,
      is_a_template: true,
      snapshot_of: source,
      power_state: 'Halted',
      resident_on: NULL_REF,
      domid: -1,
      snapshot_info: { 'power-state-at-snapshot': 'Running', 'disk-snapshot-type': 'crash_consistent' },
    });
    expect(rec(snap).snapshot_time).not.toBe(NULL_DATETIME);
    expect(rec(source).snapshots).toContain(snap);
    expect(rec(source).parent).toBe(snap);
    expect(rec(source).power_state).toBe('Running');
    const [original] = disksOf(source);
    const [snapped] = disksOf(snap);
    expect(vdi(snapped)).toMatchObject({ is_a_snapshot: true, snapshot_of: original });
    expect(macsOf(snap)).toEqual(macsOf(source));
    expect(rec(snap).VBDs.every((b) => !vbd(b).currently_attached)).toBe(true);
    expect(rec(snap).allowed_operations).toEqual(
      expect.arrayContaining(['revert', 'clone', 'copy', 'destroy', 'export']),
    );
    expect(rec(snap).allowed_operations).not.toContain('start');
    const names = [...sim.db.rows('message')].map((r) => r.record.name);
    expect(names).toContain('VM_SNAPSHOTTED');
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('leaves out the disks asked to be ignored', async () => {
    const source = vm('db-primary');
    const [, data] = disksOf(source);
    const snap = await call<string>(sim, 'VM.snapshot', session, source, 'system only', [data]);
    expect(disksOf(snap)).toHaveLength(1);
  });

  it('checkpoints a running VM: it is suspended while resident, then resumes; the snapshot keeps its memory', async () => {
    const source = vm('web-01');
    const host = rec(source).resident_on;
    const domid = rec(source).domid;
    const t = (await dispatch(sim, 'Async.VM.checkpoint', [session, source, 'with memory'])).value as string;
    await run(5_000);
    expect(rec(source)).toMatchObject({ power_state: 'Suspended', resident_on: host });
    expect(invariantViolations(sim)).toEqual([]);
    await run(10_000);
    const result = sim.db.get<XapiRecord<'task'>>('task', t);
    expect(result.status).toBe('success');
    const snap = /<value>(.*)<\/value>/.exec(result.result)![1];
    expect(rec(source)).toMatchObject({ power_state: 'Running', resident_on: host, suspend_VDI: NULL_REF });
    expect(rec(source).domid).not.toBe(domid);
    expect(rec(snap)).toMatchObject({ power_state: 'Suspended', is_a_snapshot: true });
    expect(sim.db.get<Vdi & { type: string }>('VDI', rec(snap).suspend_VDI).type).toBe('suspend');
  });
});

describe('VM.revert', () => {
  it('restores a VM to a snapshot: fields back, disks replaced by clones, Halted', async () => {
    const source = vm('web-01');
    const snap = await call<string>(sim, 'VM.snapshot', session, source, 'baseline');
    const [oldDisk] = disksOf(source);
    const [snapDisk] = disksOf(snap);
    sim.db.update('VM', source, { name_description: 'changed since' });
    await call(sim, 'VM.revert', session, snap);
    expect(rec(source)).toMatchObject({ power_state: 'Halted', name_description: '', parent: snap });
    const [newDisk] = disksOf(source);
    expect(sim.db.has('VDI', oldDisk)).toBe(false);
    expect(newDisk).not.toBe(snapDisk);
    expect(vdi(snapDisk).snapshot_of).toBe(newDisk);
    expect(macsOf(source)).toEqual(macsOf(snap));
    const names = [...sim.db.rows('message')].map((r) => r.record.name);
    expect(names).toContain('VM_SNAPSHOT_REVERTED');
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('restores a checkpoint to Suspended, with a memory image of its own', async () => {
    const source = vm('web-01');
    const snap = await call<string>(sim, 'VM.checkpoint', session, source, 'cp');
    await call(sim, 'VM.revert', session, snap);
    expect(rec(source).power_state).toBe('Suspended');
    expect(rec(source).suspend_VDI).not.toBe(rec(snap).suspend_VDI);
    expect(sim.db.has('VDI', rec(source).suspend_VDI)).toBe(true);
    await call(sim, 'VM.resume', session, source, false, false);
    expect(rec(source).power_state).toBe('Running');
  });

  it('recreates a VM destroyed since the snapshot, with its uuid', async () => {
    const source = vm('backup-proxy');
    const uuid = rec(source).uuid;
    const snap = await call<string>(sim, 'VM.snapshot', session, source, 'keep');
    await call(sim, 'VM.destroy', session, source);
    expect(rec(snap).snapshot_of).toBe(source);
    await call(sim, 'VM.revert', session, snap);
    const back = rec(snap).snapshot_of;
    expect(back).not.toBe(source);
    expect(rec(back)).toMatchObject({ uuid, name_label: 'backup-proxy', is_a_snapshot: false, power_state: 'Halted' });
    expect(disksOf(back)).toHaveLength(1);
  });
});

describe('VM.destroy and VDI.destroy', () => {
  it('removes the VM with its VBDs, VIFs and metrics but keeps its disks', async () => {
    const ref = vm('backup-proxy');
    const { VBDs, VIFs, metrics } = rec(ref);
    const disks = disksOf(ref);
    await call(sim, 'VM.destroy', session, ref);
    expect(sim.db.has('VM', ref)).toBe(false);
    expect([...VBDs, ...VIFs].some((r) => sim.db.has('VBD', r) || sim.db.has('VIF', r))).toBe(false);
    expect(sim.db.has('VM_metrics', metrics)).toBe(false);
    expect(disks.every((d) => sim.db.has('VDI', d))).toBe(true);
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('refuses to destroy a running VM', async () => {
    const ref = vm('web-01');
    expect(await callError(sim, 'VM.destroy', session, ref)).toEqual([
      'VM_BAD_POWER_STATE',
      ref,
      'halted, suspended',
      'running',
    ]);
  });

  it('refuses to destroy a disk a running VM has attached, and destroys a detached one with its VBD', async () => {
    const [attached] = disksOf(vm('web-01'));
    expect(await callError(sim, 'VDI.destroy', session, attached)).toEqual(['VDI_IN_USE', attached, 'destroy']);
    const [detached] = disksOf(vm('backup-proxy'));
    const [link] = vdi(detached).VBDs;
    await call(sim, 'VDI.destroy', session, detached);
    expect(sim.db.has('VDI', detached)).toBe(false);
    expect(sim.db.has('VBD', link)).toBe(false);
    expect(invariantViolations(sim)).toEqual([]);
  });
});

describe('templates', () => {
  it('turns a halted VM into a template and back', async () => {
    const ref = vm('backup-proxy');
    await call(sim, 'VM.set_is_a_template', session, ref, true);
    expect(rec(ref)).toMatchObject({ is_a_template: true, metrics: NULL_REF });
    expect(rec(ref).allowed_operations).toContain('provision');
    expect(rec(ref).allowed_operations).not.toContain('start');
    await call(sim, 'VM.set_is_a_template', session, ref, false);
    expect(rec(ref).is_a_template).toBe(false);
    expect(rec(ref).allowed_operations).toContain('start');
    expect(invariantViolations(sim)).toEqual([]);
  });

  it('refuses to make a running VM a template', async () => {
    const ref = vm('web-01');
    expect(await callError(sim, 'VM.set_is_a_template', session, ref, true)).toEqual([
      'VM_BAD_POWER_STATE',
      ref,
      'halted',
      'running',
    ]);
  });

  it('provisions the disks of a template on the SR its spec names', async () => {
    const copy = await call<string>(sim, 'VM.clone', session, vm('Debian Bookworm 12'), 'new debian');
    const sr = named(sim, 'SR', 'NFS VM storage');
    const uuid = sim.db.get<XapiRecord<'SR'>>('SR', sr).uuid;
    const spec = rec(copy).other_config.disks.replace('sr=""', `sr="${uuid}"`);
    sim.db.update('VM', copy, { other_config: { ...rec(copy).other_config, disks: spec } });
    await call(sim, 'VM.provision', session, copy);
    expect(rec(copy).is_a_template).toBe(false);
    expect(rec(copy).other_config.disks).toBeUndefined();
    const [disk] = disksOf(copy);
    expect(vdi(disk)).toMatchObject({
      SR: sr,
      virtual_size: 10 * GiB,
      name_label: '0',
      name_description: 'Created by template provisioner',
    });
    expect(rec(copy).allowed_operations).toContain('start');
    await call(sim, 'VM.start', session, copy, false, false);
    expect(rec(copy).power_state).toBe('Running');
  });

  it('refuses a provisioning spec without an SR uuid, leaving the template as it was', async () => {
    const copy = await call<string>(sim, 'VM.clone', session, vm('Debian Bookworm 12'), 'new debian');
    expect(await callError(sim, 'VM.provision', session, copy)).toEqual(['UUID_INVALID', 'sr', '']);
    expect(rec(copy)).toMatchObject({ is_a_template: true, VBDs: [] });
  });
});
