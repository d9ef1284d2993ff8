/**
 * JSON encoding of dispatch results, as XAPI's JSON-RPC writes them. Built as a
 * string so each Row's record text is spliced from a cache: a get_all_records over
 * thousands of objects costs one concatenation, not one stringify per record.
 */
import { Row } from '../sim/db';
import type { CallResult } from './dispatch';

/** Valid while `row.record` is the same object: the database replaces records, never mutates them. */
const rowJson = new WeakMap<Row, { record: object; json: string }>();

function recordJson(row: Row): string {
  const cached = rowJson.get(row);
  if (cached && cached.record === row.record) return cached.json;
  // Records hold plain data (db.ts builds maps as objects), so the native stringify
  // is both correct and several times faster than walking them here.
  const json = JSON.stringify(row.record);
  rowJson.set(row, { record: row.record, json });
  return json;
}

function objectJson(entries: Iterable<[unknown, unknown]>): string {
  let out = '';
  for (const [key, value] of entries) {
    // As JSON.stringify does: a member without a value is left out.
    if (value === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(String(key))}:${encodeJsonValue(value)}`;
  }
  return `{${out}}`;
}

/** Encodes a value that may contain Rows (as their records) and Maps (as objects). */
export function encodeJsonValue(value: unknown): string {
  if (value instanceof Row) return recordJson(value);
  if (value === undefined) return 'null';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(encodeJsonValue).join(',')}]`;
  if (value instanceof Map) return objectJson(value);
  return objectJson(Object.entries(value));
}

/** The JSON text of a call's result; a void result is "" on the wire, as in XAPI. */
export function encodeJsonResult({ value, type }: CallResult): string {
  return type.kind === 'void' ? '""' : encodeJsonValue(value);
}
