/**
 * The runtime view of the XAPI datamodel (generated schema.json): field and message
 * signatures with their types parsed once. Used by the simulator to build records and
 * validate calls, and by the client where it needs to know a value's wire type.
 */
import raw from './schema.json';

export type XapiType =
  | { kind: 'int' | 'float' | 'bool' | 'string' | 'datetime' | 'void' | 'unknown' }
  | { kind: 'ref'; cls: string }
  | { kind: 'enum'; name: string }
  | { kind: 'set'; of: XapiType }
  | { kind: 'map'; key: XapiType; value: XapiType }
  | { kind: 'record'; cls: string };

export type Qualifier = 'RW' | 'RO/constructor' | 'RO/runtime';

export interface FieldSpec {
  name: string;
  typeText: string;
  type: XapiType;
  qualifier: Qualifier;
  hasDefault: boolean;
  defaultValue: unknown;
}

export interface ParamSpec {
  name: string;
  type: XapiType;
  required: boolean;
}

export interface MessageSpec {
  cls: string;
  name: string;
  /** Wire name, `<class>.<message>`. */
  method: string;
  /** Every parameter, including a leading session_id where the call takes one. */
  params: ParamSpec[];
  takesSession: boolean;
  result: XapiType;
  async: boolean;
  implicit: boolean;
}

export interface ClassSpec {
  name: string;
  fields: FieldSpec[];
  field: Map<string, FieldSpec>;
  messages: Map<string, MessageSpec>;
}

interface RawSchema {
  apiVersion: string;
  release: string;
  enums: Record<string, string[]>;
  errors: Record<string, number>;
  classes: Record<
    string,
    {
      fields: [string, string, Qualifier, unknown?][];
      messages: [string, [string, string, boolean][], string, boolean, boolean][];
    }
  >;
}

const parsed = new Map<string, XapiType>();

/** Parses an XAPI type expression such as `(VM ref -> string set) map`. */
export function parseType(text: string): XapiType {
  const cached = parsed.get(text);
  if (cached) return cached;
  const t = text.trim();
  let result: XapiType;
  const map = /^\((.*)\) map$/.exec(t);
  if (map) {
    const [k, v] = splitArrow(map[1]);
    result = { kind: 'map', key: parseType(k), value: parseType(v) };
  } else if (t.endsWith(' set')) result = { kind: 'set', of: parseType(t.slice(0, -4)) };
  else if (t.endsWith(' ref')) result = { kind: 'ref', cls: t.slice(0, -4) };
  else if (t.endsWith(' record')) result = { kind: 'record', cls: t.slice(0, -7) };
  else if (t.startsWith('enum ')) result = { kind: 'enum', name: t.slice(5) };
  else if (['int', 'float', 'bool', 'string', 'datetime', 'void'].includes(t))
    result = { kind: t as 'int' | 'float' | 'bool' | 'string' | 'datetime' | 'void' };
  else result = { kind: 'unknown' };
  parsed.set(text, result);
  return result;
}

function splitArrow(s: string): [string, string] {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (depth === 0 && s.startsWith(' -> ', i)) return [s.slice(0, i), s.slice(i + 4)];
  }
  throw new Error(`not a map type: ${s}`);
}

function build(rawSchema: RawSchema) {
  const classes = new Map<string, ClassSpec>();
  const byLowerName = new Map<string, string>();
  const methods = new Map<string, MessageSpec>();
  for (const [cls, c] of Object.entries(rawSchema.classes)) {
    const fields = c.fields.map(([name, typeText, qualifier, ...rest]) => ({
      name,
      typeText,
      type: parseType(typeText),
      qualifier,
      hasDefault: rest.length > 0,
      defaultValue: rest[0],
    }));
    const messages = new Map<string, MessageSpec>();
    for (const [name, params, resultText, isAsync, implicit] of c.messages) {
      const spec: MessageSpec = {
        cls,
        name,
        method: `${cls}.${name}`,
        params: params.map(([pname, ptype, required]) => ({ name: pname, type: parseType(ptype), required })),
        takesSession: params.length > 0 && params[0][1] === 'session ref',
        result: resultText === 'event batch' ? { kind: 'unknown' } : parseType(resultText),
        async: isAsync,
        implicit,
      };
      messages.set(name, spec);
      methods.set(spec.method, spec);
    }
    classes.set(cls, { name: cls, fields, field: new Map(fields.map((f) => [f.name, f])), messages });
    byLowerName.set(cls.toLowerCase(), cls);
  }
  return {
    apiVersion: rawSchema.apiVersion,
    release: rawSchema.release,
    enums: rawSchema.enums,
    /** Error code → number of documented params (-1: undocumented). */
    errors: rawSchema.errors,
    classes,
    methods,
    /** Canonical class name from any case ("vm" → "VM"), as event.from and HANDLE_INVALID use. */
    canonicalClass(name: string): string | undefined {
      return byLowerName.get(name.toLowerCase());
    },
  };
}

export const schema = build(raw as unknown as RawSchema);
export type Schema = typeof schema;
