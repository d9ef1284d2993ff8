/**
 * The implicit messages every class has, built from the datamodel rather than written
 * per class: get_record, get_all, get_all_records(_where), get_by_uuid,
 * get_by_name_label, get_<field>, set_<field> (RW fields), add_to_/remove_from_
 * (maps), add_/remove_ (sets), create and destroy.
 */
import type { FieldSpec, MessageSpec, XapiType } from '../../src/xapi/model/schema';
import { schema } from '../../src/xapi/model/schema';
import { NULL_REF, type Row } from '../sim/db';
import { XapiFailure } from '../sim/failure';
import { RELATIONS } from '../sim/relations';
import type { Simulator } from '../sim/simulator';
import type { CallContext, MethodImpl } from './registry';
import { compileWhere } from './where';

function recordOf(sim: Simulator, cls: string, ref: string): Record<string, unknown> {
  return sim.db.get(cls, ref);
}

function allRecords(sim: Simulator, cls: string, keep: (row: Row) => boolean = () => true): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of sim.db.rows(cls)) if (keep(row)) out.set(row.ref, row);
  return out;
}

/**
 * Custom setters whose xapi code enforces rules the model depends on (overheads, domain
 * types, power-state checks, task state) and that have no hand-written implementation
 * yet: a generic store would let bad input corrupt state, so they answer NOT_IMPLEMENTED.
 */
const SETTERS_WITH_RULES: Record<string, ReadonlySet<string>> = {
  VM: new Set(['HVM_shadow_multiplier', 'domain_type', 'suspend_VDI']),
  task: new Set(['status', 'progress', 'result', 'error_info']),
};

/**
 * Field-level messages. The datamodel decides which exist; other custom setters (such
 * as VM.set_actions_after_crash) store the value as the implicit ones do.
 */
function fieldAccessor(cls: string, name: string, field: FieldSpec, prefix: string): MethodImpl | undefined {
  switch (prefix) {
    case 'get_':
      return ({ sim }: CallContext, self: string) => recordOf(sim, cls, self)[name];
    case 'set_':
      if (SETTERS_WITH_RULES[cls]?.has(name)) return undefined;
      return ({ sim }: CallContext, self: string, value: unknown) => {
        sim.db.row(cls, self);
        assertLiveRefs(sim, field.type, value);
        sim.db.update(cls, self, { [name]: value });
      };
    case 'add_to_':
      if (field.type.kind !== 'map') return undefined;
      return ({ sim }: CallContext, self: string, key: string, value: unknown) => {
        const record = recordOf(sim, cls, self);
        const map = record[name] as Record<string, unknown>;
        if (key in map) throw new XapiFailure('MAP_DUPLICATE_KEY', [cls, name, self, key]);
        if (field.type.kind === 'map') assertLiveRefs(sim, field.type, { [key]: value });
        sim.db.update(cls, self, { [name]: { ...map, [key]: value } });
      };
    case 'remove_from_':
      if (field.type.kind !== 'map') return undefined;
      return ({ sim }: CallContext, self: string, key: string) => {
        const map = recordOf(sim, cls, self)[name] as Record<string, unknown>;
        if (!(key in map)) return;
        const { [key]: _removed, ...rest } = map;
        sim.db.update(cls, self, { [name]: rest });
      };
    case 'add_':
      if (field.type.kind !== 'set') return undefined;
      return ({ sim }: CallContext, self: string, value: unknown) => {
        const set = recordOf(sim, cls, self)[name] as unknown[];
        if (field.type.kind === 'set') assertLiveRefs(sim, field.type.of, value);
        if (!set.includes(value)) sim.db.update(cls, self, { [name]: [...set, value] });
      };
    case 'remove_':
      if (field.type.kind !== 'set') return undefined;
      return ({ sim }: CallContext, self: string, value: unknown) => {
        const set = recordOf(sim, cls, self)[name] as unknown[];
        if (set.includes(value)) sim.db.update(cls, self, { [name]: set.filter((v) => v !== value) });
      };
    default:
      return undefined;
  }
}

/**
 * A stored ref must name a live object (or be the null ref), so no write through a
 * generic message can leave a dangling pointer; anything else is HANDLE_INVALID.
 */
function assertLiveRefs(sim: Simulator, type: XapiType, value: unknown): void {
  if (type.kind === 'ref') {
    if (value !== NULL_REF && !sim.db.has(type.cls, String(value))) {
      throw new XapiFailure('HANDLE_INVALID', [type.cls, String(value)]);
    }
  } else if (type.kind === 'set') {
    for (const v of value as unknown[]) assertLiveRefs(sim, type.of, v);
  } else if (type.kind === 'map') {
    for (const [k, v] of Object.entries(value as object)) {
      assertLiveRefs(sim, type.key, k);
      assertLiveRefs(sim, type.value, v);
    }
  }
}

function assertRecordRefs(sim: Simulator, cls: string, args: Record<string, unknown>) {
  const spec = schema.classes.get(cls)!;
  for (const [name, value] of Object.entries(args)) {
    const field = spec.field.get(name);
    if (field) assertLiveRefs(sim, field.type, value);
  }
}

/** Errors XAPI raises instead of destroying an object others still point at. */
const DESTROY_GUARDS: Record<string, Record<string, 'NETWORK_CONTAINS_PIF' | 'NETWORK_CONTAINS_VIF'>> = {
  network: { PIFs: 'NETWORK_CONTAINS_PIF', VIFs: 'NETWORK_CONTAINS_VIF' },
};

/**
 * The implicit destructor: refuses where XAPI refuses, and otherwise clears the
 * pointers of objects that referred to this one, so no ref is left dangling.
 */
function destroy(sim: Simulator, cls: string, self: string) {
  const record = sim.db.get(cls, self);
  for (const [set, code] of Object.entries(DESTROY_GUARDS[cls] ?? {})) {
    const members = record[set] as string[];
    if (members.length > 0) throw new XapiFailure(code, [members.join(', ')]);
  }
  for (const r of RELATIONS) {
    if (r.owner !== cls) continue;
    for (const member of record[r.set] as string[]) {
      if (sim.db.has(r.cls, member)) sim.db.update(r.cls, member, { [r.field]: NULL_REF });
    }
  }
  sim.db.delete(cls, self);
}

const FIELD_PREFIXES = ['add_to_', 'remove_from_', 'get_', 'set_', 'add_', 'remove_'];

/** The generic implementation of a message, or undefined when it needs a custom one. */
export function genericAccessor(spec: MessageSpec): MethodImpl | undefined {
  const cls = spec.cls;
  const classSpec = schema.classes.get(cls);
  if (!classSpec) return undefined;
  switch (spec.name) {
    case 'get_record':
      return ({ sim }: CallContext, self: string) => sim.db.row(cls, self);
    case 'get_all':
      return ({ sim }: CallContext) => sim.db.refs(cls);
    case 'get_all_records':
      return ({ sim }: CallContext) => allRecords(sim, cls);
    case 'get_all_records_where':
      return ({ sim }: CallContext, expr: string) => {
        const matches = compileWhere(expr);
        return allRecords(sim, cls, (row) => matches(row.record));
      };
    case 'get_by_uuid':
      return ({ sim }: CallContext, uuid: string) => {
        const ref = sim.db.refByUuid(cls, uuid);
        if (!ref) throw new XapiFailure('UUID_INVALID', [cls, uuid]);
        return ref;
      };
    case 'get_by_name_label':
      return ({ sim }: CallContext, label: string) =>
        [...sim.db.rows(cls)].filter((row) => row.record.name_label === label).map((row) => row.ref);
    case 'create':
      if (!spec.implicit) return undefined;
      return ({ sim }: CallContext, args: Record<string, unknown>) => {
        assertRecordRefs(sim, cls, args);
        return sim.db.create(cls, args);
      };
    case 'destroy':
      if (!spec.implicit) return undefined;
      return ({ sim }: CallContext, self: string) => destroy(sim, cls, self);
  }
  // Getters and setters are implicit; maps and sets with custom key checks are not,
  // but behave the same for the fields the simulator models.
  for (const prefix of FIELD_PREFIXES) {
    if (!spec.name.startsWith(prefix)) continue;
    const field = classSpec.field.get(spec.name.slice(prefix.length));
    if (field) {
      const impl = fieldAccessor(cls, field.name, field, prefix);
      if (impl) return impl;
    }
  }
  return undefined;
}
