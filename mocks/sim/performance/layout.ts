/**
 * An RRD's list of data sources, grown the way rrdd grows it (rrdd_monitor.ml,
 * rrdd_server.ml): a fresh RRD takes every standard source its plugins report, plugin
 * by plugin and by name within each; sources that appear later (a disk plugged, more
 * vCPUs at the next boot) are appended; record_data_source appends one that is not
 * standard; forget_data_source_archives drops one with its history, and a standard one
 * comes straight back, empty, at the end. Columns keep their place otherwise.
 */
import type { DataSourceSpec } from './data-sources';

export interface LayoutEntry<S> {
  spec: DataSourceSpec<S>;
  /** Unix seconds when the source joined the RRD: it has no data for samples ending then or before. */
  since: number;
}

export type LayoutEvent<S> =
  | { at: number; kind: 'present'; specs: readonly DataSourceSpec<S>[] }
  | { at: number; kind: 'record' | 'forget'; name: string };

let nextVersion = 1;

export class Layout<S> {
  /** Changes whenever the list does, so cached rows know to be remapped. */
  readonly version = nextVersion++;
  private readonly positions = new Map<string, number>();

  constructor(readonly entries: readonly LayoutEntry<S>[]) {
    entries.forEach((entry, i) => {
      this.positions.set(entry.spec.name, i);
    });
  }

  indexOf(name: string): number | undefined {
    return this.positions.get(name);
  }

  /** Whether `other` lists the same sources with the same histories. */
  sameAs(other: Layout<S>): boolean {
    return (
      other.entries.length === this.entries.length &&
      other.entries.every((e, i) => e.spec === this.entries[i].spec && e.since === this.entries[i].since)
    );
  }
}

/** rrdd adds new sources plugin by plugin, in name order (OCaml's byte-wise string order) within each. */
function byPluginThenName<S>(a: DataSourceSpec<S>, b: DataSourceSpec<S>): number {
  if (a.plugin !== b.plugin) return a.plugin < b.plugin ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Replays an object's history (in time order) into its RRD's data source list. */
export function buildLayout<S>(events: readonly LayoutEvent<S>[]): Layout<S> {
  const entries: LayoutEntry<S>[] = [];
  const names = new Set<string>();
  const add = (spec: DataSourceSpec<S>, since: number) => {
    entries.push({ spec, since });
    names.add(spec.name);
  };
  let live: readonly DataSourceSpec<S>[] = [];
  for (const event of events) {
    if (event.kind === 'present') {
      live = event.specs;
      for (const spec of live.filter((s) => s.standard && !names.has(s.name)).sort(byPluginThenName))
        add(spec, event.at);
      continue;
    }
    if (event.kind === 'record') {
      const spec = live.find((s) => s.name === event.name);
      if (spec && !names.has(spec.name)) add(spec, event.at);
      continue;
    }
    const at = entries.findIndex((e) => e.spec.name === event.name);
    if (at < 0) continue;
    const [forgotten] = entries.splice(at, 1);
    names.delete(event.name);
    // A standard source still reported is added again at the next update, without its past.
    if (forgotten.spec.standard && live.some((s) => s.name === event.name)) add(forgotten.spec, event.at);
  }
  return new Layout(entries);
}
