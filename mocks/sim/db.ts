/**
 * The simulator's object database: one table per XAPI class, every record holding
 * every datamodel field, and a generation counter that orders every change so
 * event.from can answer "what changed since token T" with XAPI's add/mod/del rules.
 */
import { RECORD_FACTORIES } from '../../src/xapi/model/record-factories';
import { schema as defaultSchema, type Schema } from '../../src/xapi/model/schema';
import { fail } from './failure';
import type { SeededRandom } from './random';
import { RELATIONS_BY_CLASS } from './relations';

export const NULL_REF = 'OpaqueRef:NULL';
export const NULL_DATETIME = '19700101T00:00:00Z';

export type XapiValue = unknown;
export type DbRecord = Record<string, XapiValue>;

/**
 * One live object. `record` is replaced (never mutated) on each change, so
 * encoders can cache a serialised record against its identity.
 */
export class Row {
  constructor(
    readonly cls: string,
    readonly ref: string,
    public record: DbRecord,
    readonly created: number,
    public modified: number,
  ) {}
}

export interface Change {
  gen: number;
  cls: string;
  ref: string;
}

/**
 * Told of every change, with the object's record from before it: undefined for an object
 * just created. (While bulk loading, records change in place, so it is the record as now.)
 */
export type ChangeListener = (change: Change, previous: DbRecord | undefined) => void;

interface Tombstone {
  cls: string;
  ref: string;
  created: number;
  deleted: number;
}

/** Classes that are API namespaces rather than tables. */
const NOT_TABLES = new Set(['event', 'auth', 'data_source']);
/** How many changes the log keeps before older tokens fall back to a full scan. */
const LOG_LIMIT = 200_000;

export class Database {
  readonly tableNames: string[];
  private tables = new Map<string, Map<string, Row>>();
  private uuids = new Map<string, Map<string, string>>();
  private generation = 0;
  private log: Change[] = [];
  private tombstones = new Map<string, Tombstone>();
  private listeners = new Set<ChangeListener>();
  /** While bulk loading, reverse sets are rebuilt once at the end instead of per write. */
  private bulk = false;

  constructor(
    private readonly random: SeededRandom,
    readonly schema: Schema = defaultSchema,
  ) {
    this.tableNames = [...schema.classes.keys()].filter((c) => !NOT_TABLES.has(c));
    for (const cls of this.tableNames) {
      this.tables.set(cls, new Map());
      this.uuids.set(cls, new Map());
    }
  }

  get currentGeneration(): number {
    return this.generation;
  }

  newRef(): string {
    return `OpaqueRef:${this.random.uuid()}`;
  }

  newUuid(): string {
    return this.random.uuid();
  }

  private table(cls: string): Map<string, Row> {
    const t = this.tables.get(cls);
    if (!t) throw new Error(`no table for class ${cls}`);
    return t;
  }

  private record(change: Change, previous: DbRecord | undefined) {
    // No one can hold a token from before the scenario was built, so its writes need no
    // log entries (a token that old gets a full scan): 5,000 VMs' objects are 100,000 of them.
    if (!this.bulk) {
      this.log.push(change);
      if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT / 2);
    }
    for (const listener of this.listeners) listener(change, previous);
  }

  /** Creates an object with every field present: given values, else the datamodel default. */
  create(cls: string, values: DbRecord, ref = this.newRef()): string {
    const makeRecord = this.tables.has(cls) ? RECORD_FACTORIES[cls] : undefined;
    if (!makeRecord) fail('HANDLE_INVALID', cls, ref);
    const record = makeRecord(values);
    if (!values.uuid && 'uuid' in record) record.uuid = this.random.uuid();
    const gen = ++this.generation;
    this.table(cls).set(ref, new Row(cls, ref, record, gen, gen));
    if (typeof record.uuid === 'string') this.uuids.get(cls)!.set(record.uuid, ref);
    this.record({ gen, cls, ref }, undefined);
    for (const r of RELATIONS_BY_CLASS.get(cls) ?? []) this.link(r.owner, r.set, record[r.field], ref, true);
    return ref;
  }

  has(cls: string, ref: string): boolean {
    return this.tables.get(cls)?.has(ref) ?? false;
  }

  row(cls: string, ref: string): Row {
    return this.tables.get(cls)?.get(ref) ?? fail('HANDLE_INVALID', cls, ref);
  }

  /** The live record; treat it as read-only and change it through `update`. */
  get<T = DbRecord>(cls: string, ref: string): T {
    return this.row(cls, ref).record as T;
  }

  find<T = DbRecord>(cls: string, ref: string): T | undefined {
    return this.tables.get(cls)?.get(ref)?.record as T | undefined;
  }

  refByUuid(cls: string, uuid: string): string | undefined {
    return this.uuids.get(cls)?.get(uuid);
  }

  rows(cls: string): IterableIterator<Row> {
    return this.table(cls).values();
  }

  refs(cls: string): string[] {
    return [...this.table(cls).keys()];
  }

  count(cls: string): number {
    return this.table(cls).size;
  }

  /** Applies a patch as one change (one `mod` event), skipping no-op writes. */
  update(cls: string, ref: string, patch: DbRecord): void {
    const row = this.row(cls, ref);
    let changed = false;
    for (const [k, v] of Object.entries(patch)) {
      if (!(k in row.record)) throw new Error(`${cls} has no field ${k}`);
      if (row.record[k] !== v) changed = true;
    }
    if (!changed) return;
    const moved = (RELATIONS_BY_CLASS.get(cls) ?? []).filter(
      (r) => r.field in patch && patch[r.field] !== row.record[r.field],
    );
    const previousOwners = moved.map((r) => row.record[r.field]);
    // Records are replaced so encoders can cache by identity, except while bulk loading,
    // when nothing has read them yet and copying each one per write would dominate.
    const previous = row.record;
    row.record = this.bulk ? Object.assign(row.record, patch) : { ...row.record, ...patch };
    this.touch(row, previous);
    moved.forEach((r, i) => {
      this.link(r.owner, r.set, previousOwners[i], ref, false);
      this.link(r.owner, r.set, row.record[r.field], ref, true);
    });
  }

  get bulkLoading(): boolean {
    return this.bulk;
  }

  /**
   * Runs a scenario build. Records and reverse sets are updated in place rather than
   * copied per write (nothing has read them yet), which keeps building thousands of
   * objects that share one SR or network linear.
   */
  bulkLoad(build: () => void): void {
    this.bulk = true;
    try {
      build();
    } finally {
      this.bulk = false;
    }
  }

  /** Adds or removes `member` in the owner's reverse set, when the owner exists. */
  private link(owner: string, set: string, ownerRef: unknown, member: string, add: boolean) {
    if (typeof ownerRef !== 'string' || ownerRef === NULL_REF || !this.has(owner, ownerRef)) return;
    const current = this.get<Record<string, string[]>>(owner, ownerRef)[set];
    if (this.bulk) {
      // A member being added is new to this owner (created, or moved from another), so
      // no search: sets shared by thousands (an SR's VDIs) stay linear to build.
      if (add) current.push(member);
      else {
        const at = current.indexOf(member);
        if (at >= 0) current.splice(at, 1);
      }
      return;
    }
    const has = current.includes(member);
    if (add && !has) this.update(owner, ownerRef, { [set]: [...current, member] });
    if (!add && has) this.update(owner, ownerRef, { [set]: current.filter((m) => m !== member) });
  }

  /** Records a change to an object without altering it (event.inject). */
  touchRef(cls: string, ref: string): void {
    this.touch(this.row(cls, ref));
  }

  private touch(row: Row, previous = row.record) {
    row.modified = ++this.generation;
    this.record({ gen: row.modified, cls: row.cls, ref: row.ref }, previous);
  }

  delete(cls: string, ref: string): void {
    const row = this.row(cls, ref);
    this.table(cls).delete(ref);
    const uuid = row.record.uuid;
    if (typeof uuid === 'string') this.uuids.get(cls)!.delete(uuid);
    for (const r of RELATIONS_BY_CLASS.get(cls) ?? []) this.link(r.owner, r.set, row.record[r.field], ref, false);
    const gen = ++this.generation;
    this.tombstones.set(ref, { cls, ref, created: row.created, deleted: gen });
    if (this.tombstones.size > LOG_LIMIT) {
      // Maps iterate in insertion order, so the first keys are the oldest deletions.
      for (const oldRef of [...this.tombstones.keys()].slice(0, LOG_LIMIT / 2)) this.tombstones.delete(oldRef);
    }
    this.record({ gen, cls, ref }, row.record);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * What changed after generation `since`, one entry per object, with XAPI's rules:
   * created inside the window → add (even if modified since); created and deleted
   * inside the window → nothing; deleted after existing before → del.
   */
  changesSince(
    since: number,
    wants: (cls: string, ref: string) => boolean,
  ): { operation: 'add' | 'mod' | 'del'; row?: Row; cls: string; ref: string; gen: number }[] {
    const seen = new Set<string>();
    const out: { operation: 'add' | 'mod' | 'del'; row?: Row; cls: string; ref: string; gen: number }[] = [];
    const consider = (cls: string, ref: string) => {
      if (seen.has(ref) || !wants(cls, ref)) return;
      seen.add(ref);
      const row = this.tables.get(cls)?.get(ref);
      if (row) {
        out.push({ operation: row.created > since ? 'add' : 'mod', row, cls, ref, gen: row.modified });
        return;
      }
      const tomb = this.tombstones.get(ref);
      if (tomb && tomb.created <= since) out.push({ operation: 'del', cls, ref, gen: tomb.deleted });
    };
    const logStart = this.log.length ? this.log[0].gen : this.generation + 1;
    if (since + 1 >= logStart) {
      for (let i = this.log.length - 1; i >= 0 && this.log[i].gen > since; i--)
        consider(this.log[i].cls, this.log[i].ref);
    } else {
      // The token predates the log: scan every live row and every tombstone.
      for (const [cls, table] of this.tables)
        for (const row of table.values()) if (row.modified > since) consider(cls, row.ref);
      for (const t of this.tombstones.values()) if (t.deleted > since) consider(t.cls, t.ref);
    }
    return out.sort((a, b) => a.gen - b.gen);
  }
}
