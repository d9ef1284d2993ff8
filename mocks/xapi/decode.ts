/**
 * Checks and converts call arguments against their datamodel types, as XAPI's
 * generated unmarshallers (ocaml-rpc's *_of_rpc) do: ints accept integers or digit
 * strings, floats accept numbers or numeric strings, bools only booleans, strings and
 * refs only strings, enums any case. Anything else is refused the way XAPI refuses it,
 * with INTERNAL_ERROR carrying the unmarshaller's Failure text.
 */
import type { XapiType } from '../../src/xapi/model/schema';
import { schema } from '../../src/xapi/model/schema';
import { XapiFailure } from '../sim/failure';

const INT_TEXT = /^-?\d+$/;
const FLOAT_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** ocaml-rpc's printed form of a value, as it appears in its Failure messages. */
function rpcText(value: unknown): string {
  if (typeof value === 'string') return `S(${value})`;
  if (typeof value === 'boolean') return `B(${value})`;
  if (typeof value === 'number') return Number.isInteger(value) ? `I(${value})` : `F(${value})`;
  if (Array.isArray(value)) return `Enum[${value.map(rpcText).join(';')}]`;
  if (value === null || value === undefined) return 'N';
  return `Dict[${Object.entries(value as object)
    .map(([k, v]) => `${k}:${rpcText(v)}`)
    .join(';')}]`;
}

const EXPECTED: Record<string, string> = {
  int: 'int64',
  float: 'float',
  bool: 'bool',
  string: 'string',
  datetime: 'datetime',
  ref: 'string',
  set: 'enum',
  map: 'dict',
  record: 'dict',
};

/** A value whose type does not match: xapi answers INTERNAL_ERROR with the Failure text. */
function typeError(type: XapiType, value: unknown): never {
  throw new XapiFailure('INTERNAL_ERROR', [
    `Failure("Expected ${EXPECTED[type.kind] ?? type.kind}, got '${rpcText(value)}'")`,
  ]);
}

export function decodeValue(type: XapiType, value: unknown): unknown {
  switch (type.kind) {
    case 'int':
      // XML-RPC carries 64-bit ints as strings; JSON-RPC as numbers.
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && INT_TEXT.test(value)) return Number(value);
      return typeError(type, value);
    case 'float':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && FLOAT_TEXT.test(value)) return Number(value);
      return typeError(type, value);
    case 'bool':
      if (typeof value === 'boolean') return value;
      return typeError(type, value);
    case 'string':
    case 'datetime':
      if (typeof value === 'string') return value;
      return typeError(type, value);
    case 'ref':
      if (typeof value === 'string') return value;
      return typeError(type, value);
    case 'enum': {
      if (typeof value !== 'string') return typeError(type, value);
      const values = schema.enums[type.name] ?? [];
      // XAPI matches enum values without regard to case and answers with its own spelling.
      const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
      if (match === undefined) throw new XapiFailure('INTERNAL_ERROR', ['Failure("Unknown tag/contents")']);
      return match;
    }
    case 'set':
      if (!Array.isArray(value)) return typeError(type, value);
      return value.map((v) => decodeValue(type.of, v));
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return typeError(type, value);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[String(decodeValue(type.key, k))] = decodeValue(type.value, v);
      }
      return out;
    }
    case 'record': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return typeError(type, value);
      const cls = schema.classes.get(type.cls);
      if (!cls) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const field = cls.field.get(k);
        // Unknown keys in a record are ignored by XAPI's unmarshaller.
        if (field) out[k] = decodeValue(field.type, v);
      }
      return out;
    }
    default:
      return value;
  }
}
