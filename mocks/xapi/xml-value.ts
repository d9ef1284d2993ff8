/**
 * Type-directed XML-RPC value encoding, as XAPI writes values: ints as bare strings
 * (64-bit safe), floats as <double>, bools as <boolean>0/1, datetimes as
 * <dateTime.iso8601>, sets as <array>, maps and records as <struct>. Records are
 * cached on their Row so large get_all_records answers reuse the text.
 */
import type { XapiType } from '../../src/xapi/model/schema';
import { schema } from '../../src/xapi/model/schema';
import { Row } from '../sim/db';

export function escapeXml(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const rowXml = new WeakMap<Row, { record: object; xml: string }>();

function recordXml(cls: string, record: Record<string, unknown>): string {
  const spec = schema.classes.get(cls);
  let out = '<value><struct>';
  for (const [k, v] of Object.entries(record)) {
    const type = spec?.field.get(k)?.type ?? { kind: 'unknown' as const };
    out += `<member><name>${escapeXml(k)}</name>${encodeXmlValue(v, type)}</member>`;
  }
  return `${out}</struct></value>`;
}

/** Encodes a value of the given XAPI type as one XML-RPC <value>. */
export function encodeXmlValue(value: unknown, type: XapiType): string {
  if (value instanceof Row) {
    const cached = rowXml.get(value);
    if (cached && cached.record === value.record) return cached.xml;
    const xml = recordXml(value.cls, value.record);
    rowXml.set(value, { record: value.record, xml });
    return xml;
  }
  switch (type.kind) {
    case 'void':
      return '<value></value>';
    case 'int':
      return `<value>${String(value)}</value>`;
    case 'float':
      return `<value><double>${Number(value)}</double></value>`;
    case 'bool':
      return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
    case 'datetime':
      return `<value><dateTime.iso8601>${escapeXml(String(value))}</dateTime.iso8601></value>`;
    case 'string':
    case 'ref':
    case 'enum':
      return `<value>${escapeXml(String(value))}</value>`;
    case 'set':
      return `<value><array><data>${(value as unknown[]).map((v) => encodeXmlValue(v, type.of)).join('')}</data></array></value>`;
    case 'map': {
      let out = '<value><struct>';
      for (const [k, v] of entriesOf(value)) {
        out += `<member><name>${escapeXml(k)}</name>${encodeXmlValue(v, type.value)}</member>`;
      }
      return `${out}</struct></value>`;
    }
    case 'record':
      return recordXml(type.cls, value as Record<string, unknown>);
    default:
      return encodeUntyped(value);
  }
}

function entriesOf(value: unknown): [string, unknown][] {
  return value instanceof Map ? [...value.entries()] : Object.entries(value as object);
}

/** For values with no datamodel type (event batches, system.*): encode by JS type. */
export function encodeUntyped(value: unknown): string {
  if (value instanceof Row) return encodeXmlValue(value, { kind: 'record', cls: value.cls });
  if (value === null || value === undefined) return '<value></value>';
  if (typeof value === 'boolean') return `<value><boolean>${value ? 1 : 0}</boolean></value>`;
  if (typeof value === 'number')
    return Number.isInteger(value) ? `<value>${value}</value>` : `<value><double>${value}</double></value>`;
  if (typeof value === 'string') return `<value>${escapeXml(value)}</value>`;
  if (Array.isArray(value)) return `<value><array><data>${value.map(encodeUntyped).join('')}</data></array></value>`;
  let out = '<value><struct>';
  for (const [k, v] of entriesOf(value))
    if (v !== undefined) out += `<member><name>${escapeXml(k)}</name>${encodeUntyped(v)}</member>`;
  return `${out}</struct></value>`;
}
