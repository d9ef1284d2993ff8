import { describe, expect, it } from 'vitest';
import {
  findColumn,
  parseLegendEntry,
  parseRrdUpdates,
  parseRrdUpdatesJson,
  parseRrdUpdatesXml,
  RrdFormatError,
  rrdUpdatesPath,
} from './rrd-updates';

const VM = 'c4a3e8b2-0d5e-4b7f-9a51-2f4c1d9e7a10';
const HOST = '0b6f2c9d-3e1a-4f7b-8c2d-5a9e1b3c7d40';

// Written from SEMANTICS.md (g): every scalar a string, newest row first, legend CF:class:uuid:name.
const JSON_REPLY = JSON.stringify({
  meta: {
    start: '1767225000',
    step: '5',
    end: '1767225010',
    rows: '3',
    columns: '3',
    legend: [`AVERAGE:vm:${VM}:cpu0`, `AVERAGE:vm:${VM}:memory`, `AVERAGE:host:${HOST}:memory_free_kib`],
  },
  data: [
    { t: '1767225010', values: ['0.25', '1073741824.0', 'NaN'] },
    { t: '1767225005', values: ['0.125', '1073741824.0', '2097152.0'] },
    { t: '1767225000', values: ['0.0', '1048576000.0', 'Infinity'] },
  ],
});

const XML_REPLY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<xport><meta><start>1767225000</start><step>60</step>' +
  '<end>1767225060</end><rows>2</rows><columns>2</columns><legend>' +
  `<entry>MIN:vm:${VM}:vif_0_rx</entry><entry>MAX:vm:${VM}:vif_0_rx</entry></legend></meta>` +
  '<data><row><t>1767225060</t><v>2048.5</v><v>4096.0</v></row>' +
  '<row><t>1767225000</t><v>1.5e-05</v><v>-Infinity</v></row></data></xport>';

describe('rrdUpdatesPath', () => {
  it('writes XAPI parameters, repeating vm_uuid, and asks for JSON', () => {
    const path = rrdUpdatesPath('OpaqueRef:abc', {
      start: -599,
      interval: 5,
      cf: 'AVERAGE',
      host: true,
      vmUuids: [VM, HOST],
      hostUuid: HOST,
    });
    const [pathname, search] = path.split('?');
    expect(pathname).toBe('/rrd_updates');
    const params = new URLSearchParams(search);
    expect(params.get('session_id')).toBe('OpaqueRef:abc');
    expect(params.get('start')).toBe('-599');
    expect(params.get('cf')).toBe('AVERAGE');
    expect(params.get('interval')).toBe('5');
    expect(params.get('host')).toBe('true');
    expect(params.getAll('vm_uuid')).toEqual([VM, HOST]);
    expect(params.get('host_uuid')).toBe(HOST);
    expect(params.has('json')).toBe(true);
  });

  it('leaves out what is not asked for', () => {
    const params = new URLSearchParams(rrdUpdatesPath('s', { start: 100, interval: 3600 }).split('?')[1]);
    expect([...params.keys()]).toEqual(['session_id', 'start', 'interval', 'json']);
  });
});

describe('parseRrdUpdatesJson', () => {
  it('turns strings into numbers and puts the oldest row first', () => {
    const updates = parseRrdUpdatesJson(JSON_REPLY);
    expect(updates.step).toBe(5);
    expect(updates.times).toEqual([1767225000, 1767225005, 1767225010]);
    expect(updates.columns[0]).toEqual({ cf: 'AVERAGE', objectClass: 'vm', uuid: VM, name: 'cpu0' });
    expect([...updates.values[0]]).toEqual([0, 0.125, 0.25]);
    expect([...updates.values[1]]).toEqual([1048576000, 1073741824, 1073741824]);
  });

  it('reads NaN and the infinities as rrdd spells them', () => {
    const free = parseRrdUpdatesJson(JSON_REPLY).values[2];
    expect(free[0]).toBe(Number.POSITIVE_INFINITY);
    expect(free[1]).toBe(2097152);
    expect(Number.isNaN(free[2])).toBe(true);
  });

  it('refuses a row whose values do not match the legend', () => {
    const broken = JSON.stringify({
      meta: { step: '5', legend: ['AVERAGE:vm:u:cpu0'] },
      data: [{ t: '1', values: [] }],
    });
    expect(() => parseRrdUpdatesJson(broken)).toThrow(RrdFormatError);
  });

  it('refuses a reply without a legend', () => {
    expect(() => parseRrdUpdatesJson('{"data":[]}')).toThrow(RrdFormatError);
  });

  it('reads an empty export', () => {
    const empty = parseRrdUpdatesJson(JSON.stringify({ meta: { step: '3600', legend: [] }, data: [] }));
    expect(empty).toEqual({ step: 3600, times: [], columns: [], values: [] });
  });
});

describe('parseRrdUpdatesXml', () => {
  it('reads the xport layout like the JSON one', () => {
    const updates = parseRrdUpdatesXml(XML_REPLY);
    expect(updates.step).toBe(60);
    expect(updates.times).toEqual([1767225000, 1767225060]);
    expect(updates.columns.map((c) => `${c.cf} ${c.name}`)).toEqual(['MIN vif_0_rx', 'MAX vif_0_rx']);
    expect([...updates.values[0]]).toEqual([1.5e-5, 2048.5]);
    expect([...updates.values[1]]).toEqual([Number.NEGATIVE_INFINITY, 4096]);
  });

  it('reads empty legend and data elements', () => {
    const xml = '<xport><meta><step>5</step><legend/></meta><data/></xport>';
    expect(parseRrdUpdatesXml(xml)).toEqual({ step: 5, times: [], columns: [], values: [] });
  });
});

describe('parseRrdUpdates', () => {
  it('picks the format from the content type', () => {
    expect(parseRrdUpdates(XML_REPLY, 'text/xml').step).toBe(60);
    expect(parseRrdUpdates(JSON_REPLY, 'application/json').step).toBe(5);
  });
});

describe('legend entries', () => {
  it('keeps colons that belong to the data source name', () => {
    expect(parseLegendEntry('AVERAGE:sr:abc:read:latency')).toEqual({
      cf: 'AVERAGE',
      objectClass: 'sr',
      uuid: 'abc',
      name: 'read:latency',
    });
  });

  it('refuses an entry with too few fields', () => {
    expect(() => parseLegendEntry('AVERAGE:cpu0')).toThrow(RrdFormatError);
  });

  it('finds a column by object and name, and by consolidation when given', () => {
    const updates = parseRrdUpdatesXml(XML_REPLY);
    expect(findColumn(updates, { objectClass: 'vm', uuid: VM, name: 'vif_0_rx', cf: 'MAX' })).toBe(1);
    expect(findColumn(updates, { objectClass: 'vm', uuid: VM, name: 'vif_0_rx' })).toBe(0);
    expect(findColumn(updates, { objectClass: 'host', uuid: VM, name: 'vif_0_rx' })).toBe(-1);
  });
});
