/**
 * Checks and converts call arguments against their datamodel types, as XAPI's
 * generated unmarshallers do: a value of the wrong type is refused, never coerced
 * into something that could corrupt state.
 */
import type { XapiType } from '../../src/xapi/model/schema';
import { schema } from '../../src/xapi/model/schema';
import { XapiFailure } from '../sim/failure';

const INT_TEXT = /^-?\d+$/;
const FLOAT_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Raised for a value whose type does not match; `name` is the parameter or field. */
function typeError(name: string): never {
  throw new XapiFailure('FIELD_TYPE_ERROR', [name]);
}

export function decodeValue(type: XapiType, value: unknown, name: string): unknown {
  switch (type.kind) {
    case 'int':
      // XML-RPC carries 64-bit ints as strings; JSON-RPC as numbers.
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && INT_TEXT.test(value)) return Number(value);
      return typeError(name);
    case 'float':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && FLOAT_TEXT.test(value)) return Number(value);
      return typeError(name);
    case 'bool':
      if (typeof value === 'boolean') return value;
      return typeError(name);
    case 'string':
    case 'datetime':
      if (typeof value === 'string') return value;
      return typeError(name);
    case 'ref':
      if (typeof value === 'string') return value;
      return typeError(name);
    case 'enum': {
      if (typeof value !== 'string') return typeError(name);
      const values = schema.enums[type.name] ?? [];
      // XAPI matches enum values without regard to case and answers with its own spelling.
      const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
      if (match === undefined) throw new XapiFailure('INVALID_VALUE', [name, value]);
      return match;
    }
    case 'set':
      if (!Array.isArray(value)) return typeError(name);
      return value.map((v) => decodeValue(type.of, v, name));
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return typeError(name);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[String(decodeValue(type.key, k, name))] = decodeValue(type.value, v, name);
      }
      return out;
    }
    case 'record': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return typeError(name);
      const cls = schema.classes.get(type.cls);
      if (!cls) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const field = cls.field.get(k);
        // Unknown keys in a record are ignored by XAPI's unmarshaller.
        if (field) out[k] = decodeValue(field.type, v, k);
      }
      return out;
    }
    default:
      return value;
  }
}
