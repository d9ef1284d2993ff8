/**
 * What rrdd does for the data source calls (rrdd_server.ml): list what an RRD has and
 * what its plugins could add, read the latest value, start recording a source, forget
 * one's history. Errors come back to the client the way they travel: rrdd raises, the
 * IDL layer wraps what it does not declare as Rrdd_internal_error, and xapi turns the
 * client-side exception into INTERNAL_ERROR with its printed form.
 */
import { XapiFailure } from '../failure';
import { lastRowTime } from './archives';
import type { PerformanceModel } from './model';
import { RowStore } from './rows';
import type { Series } from './series';

/** The datamodel's data_source record. */
export interface DataSourceRecord {
  name_label: string;
  name_description: string;
  enabled: boolean;
  standard: boolean;
  units: string;
  min: number;
  max: number;
  value: number;
}

/** OCaml's %S: a string literal with its quotes and backslashes escaped. */
const ocamlString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** An exception rrdd does not declare, as the client raises it after the IDL wrapped it. */
function rrddInternalError(printed: string): XapiFailure {
  return new XapiFailure('INTERNAL_ERROR', [`IDL Error: [S(Rrdd_internal_error);S(${printed})]`]);
}

/** rrdd's fail_missing: Rrdd_error (Datasource_missing name), printed by rrd_interface.ml's printer. */
export function datasourceMissing(name: string): XapiFailure {
  return rrddInternalError(`Rrd_interface.Rrdd_error([S(Datasource_missing);S(${name})])`);
}

/** Rrd.query_named_ds on a name the RRD does not record. */
function invalidDataSource(name: string): XapiFailure {
  return rrddInternalError(`Rrd.Invalid_data_source(${ocamlString(name)})`);
}

/**
 * query_possible_dss: what the plugins report (enabled when recorded), plus sources the
 * RRD still holds that nobody reports any more, by name.
 */
export function dataSourceRecords(series: Series): DataSourceRecord[] {
  const layout = series.layout();
  const records = new Map<string, DataSourceRecord>();
  for (const { spec } of layout.entries) {
    records.set(spec.name, {
      name_label: spec.name,
      name_description: 'description not available',
      enabled: false,
      standard: false,
      units: 'unknown',
      min: spec.min,
      max: spec.max,
      value: 0,
    });
  }
  for (const spec of series.live()) {
    records.set(spec.name, {
      name_label: spec.name,
      name_description: spec.description,
      enabled: layout.indexOf(spec.name) !== undefined,
      standard: spec.standard,
      units: spec.units,
      min: spec.min,
      max: spec.max,
      value: 0,
    });
  }
  return [...records.values()].sort((a, b) => (a.name_label < b.name_label ? -1 : 1));
}

/** The newest 5-second AVERAGE of a recorded source (rrd.ml query_named_ds). */
export function queryDataSource(model: PerformanceModel, series: Series, name: string): number {
  const i = series.layout().indexOf(name);
  if (i === undefined) throw invalidDataSource(name);
  return RowStore.value(model.rows(series).row(0, lastRowTime(0, model.now())), 0, 'AVERAGE', i);
}

/** add_ds: starts recording a source its plugins report; it has no history before now. */
export function recordDataSource(model: PerformanceModel, series: Series, name: string): void {
  if (!series.live().some((spec) => spec.name === name)) throw datasourceMissing(name);
  if (series.layout().indexOf(name) === undefined) series.changes.push({ at: model.now(), name, action: 'record' });
}

/** rrd_remove_ds: drops a source and its history; a no-op for one the RRD does not hold. */
export function forgetDataSourceArchives(model: PerformanceModel, series: Series, name: string): void {
  if (series.layout().indexOf(name) !== undefined) series.changes.push({ at: model.now(), name, action: 'forget' });
}
