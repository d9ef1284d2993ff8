/** From an /rrd_updates reply to the series one graph draws, in the units it shows them. */
import type { RrdUpdates } from '../../xapi/rrd-updates';
import { CPU_SOURCE, displayValue, kindOf, type ValueKind, VM_CPU_AVERAGE } from './data-source-kinds';
import type { GraphedObject } from './graph-layout';

export interface Series {
  source: string;
  kind: ValueKind;
  /** One value per row of the reply; NaN where there is none. */
  values: Float64Array;
}

/** The object's columns by data source name (a reply can hold a host and its VMs). */
export function columnsOf(updates: RrdUpdates, object: GraphedObject): Map<string, number> {
  const columns = new Map<string, number>();
  updates.columns.forEach((column, i) => {
    if (column.objectClass === object.kind && column.uuid === object.uuid && !columns.has(column.name)) {
      columns.set(column.name, i);
    }
  });
  return columns;
}

/** The mean of every vCPU present in each row. */
function averageOfCpus(updates: RrdUpdates, columns: Map<string, number>): Float64Array | undefined {
  const cpus = [...columns].filter(([name]) => CPU_SOURCE.test(name)).map(([, i]) => updates.values[i]);
  if (cpus.length === 0) return undefined;
  const rows = updates.times.length;
  const average = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    let count = 0;
    for (const cpu of cpus) {
      if (Number.isFinite(cpu[r])) {
        sum += cpu[r];
        count++;
      }
    }
    average[r] = count > 0 ? sum / count : Number.NaN;
  }
  return average;
}

/** The graph's sources that have data, in the graph's order; `units` names a source's units where known. */
export function graphSeries(
  updates: RrdUpdates,
  object: GraphedObject,
  sources: readonly string[],
  units: (source: string) => string | undefined = () => undefined,
): Series[] {
  const columns = columnsOf(updates, object);
  const series: Series[] = [];
  for (const source of sources) {
    const kind = kindOf(source, units(source));
    const raw =
      source === VM_CPU_AVERAGE && object.kind === 'vm' && !columns.has(source)
        ? averageOfCpus(updates, columns)
        : columns.has(source)
          ? updates.values[columns.get(source) as number]
          : undefined;
    if (!raw) continue;
    series.push({ source, kind, values: kind === 'kib' ? raw.map((v) => displayValue(kind, v)) : raw });
  }
  return series;
}
