import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Simulator } from '../sim/simulator';
import { encodeJsonResult, encodeJsonValue } from './json-value';

let sim: Simulator;
let host: string;

beforeEach(() => {
  sim = new Simulator();
  host = sim.db.create('host', { name_label: 'h1', memory_overhead: 4096 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('encodeJsonValue', () => {
  it('writes a Row as its record', () => {
    const row = sim.db.row('host', host);
    expect(JSON.parse(encodeJsonValue(row))).toEqual(row.record);
  });

  it('stringifies a record once and reuses the text until the record is replaced', () => {
    const row = sim.db.row('host', host);
    const stringify = vi.spyOn(JSON, 'stringify');
    const first = encodeJsonValue(row);
    const calls = stringify.mock.calls.length;
    expect(encodeJsonValue(row)).toBe(first);
    expect(stringify.mock.calls.length).toBe(calls);

    sim.db.update('host', host, { name_label: 'renamed' });
    expect(JSON.parse(encodeJsonValue(row)).name_label).toBe('renamed');
  });

  it('writes Maps as objects, with Rows inside spliced in', () => {
    const row = sim.db.row('host', host);
    const all = new Map([[host, row]]);
    expect(JSON.parse(encodeJsonValue(all))).toEqual({ [host]: row.record });
  });

  it('writes an event batch: arrays, nested objects, snapshots, and no member for undefined', () => {
    const row = sim.db.row('host', host);
    const batch = {
      events: [
        { id: '1', class: 'host', operation: 'mod', ref: host, snapshot: row },
        { id: '2', class: 'host', operation: 'del', ref: 'OpaqueRef:x', snapshot: undefined },
      ],
      valid_ref_counts: new Map([['host', 1]]),
      token: '1,1',
    };
    const parsed = JSON.parse(encodeJsonValue(batch));
    expect(parsed.events[0].snapshot).toEqual(row.record);
    expect(parsed.events[1]).not.toHaveProperty('snapshot');
    expect(parsed.valid_ref_counts).toEqual({ host: 1 });
    expect(parsed.token).toBe('1,1');
  });

  it('escapes strings and keys', () => {
    expect(encodeJsonValue({ 'a"b': 'line\n"quoted"' })).toBe('{"a\\"b":"line\\n\\"quoted\\""}');
  });
});

describe('encodeJsonResult', () => {
  it('sends void as "" and other values as themselves', () => {
    expect(encodeJsonResult({ value: undefined, type: { kind: 'void' } })).toBe('""');
    expect(encodeJsonResult({ value: 8589934592, type: { kind: 'int' } })).toBe('8589934592');
    expect(encodeJsonResult({ value: false, type: { kind: 'bool' } })).toBe('false');
  });
});
