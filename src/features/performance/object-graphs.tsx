/**
 * The graphs of one VM or host: one /rrd_updates query for the range shown (every
 * graph reads the same reply), the layout from pool.gui_config, and the edits to it.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { useDataSources } from '../../queries/performance/use-data-sources';
import { useRrdUpdates } from '../../queries/performance/use-rrd-updates';
import type { RrdConsolidation } from '../../xapi/rrd-updates';
import { GraphCard } from './graph-card';
import { GraphEditor } from './graph-editor';
import type { DesignedGraph } from './graph-layout';
import { columnsOf } from './graph-series';
import { graphTitle } from './graph-title';
import { PerformanceToolbar } from './performance-toolbar';
import { sourceOptions } from './source-options';
import { type RangeId, rangeById, rangeQuery, refetchMsOf } from './time-ranges';
import { useGraphLayout } from './use-graph-layout';
import type { GraphedTarget } from './use-graphed-target';
import { useSaveLayout } from './use-save-layout';
import type { Zoom } from './zoom';

interface Props {
  poolId: string;
  cls: 'VM' | 'host';
  objectRef: string;
  target: GraphedTarget & { source: NonNullable<GraphedTarget['source']> };
}

/** Which graph the editor is open on: a new one, or the one at `index`. */
type Editing = { index: number | undefined } | undefined;

export function ObjectGraphs({ poolId, cls, objectRef, target }: Props) {
  const { t } = useTranslation('performance');
  const { object } = target;
  const [rangeId, setRangeId] = useState<RangeId>('live');
  const [cf, setCf] = useState<RrdConsolidation>('AVERAGE');
  const [zoom, setZoom] = useState<Zoom>();
  const [editing, setEditing] = useState<Editing>();
  const range = rangeById(rangeId);

  const { source } = target;
  const request = useMemo(
    () => ({ memberAddress: source.memberAddress, query: { ...source.query, ...rangeQuery(range, cf) } }),
    [source, range, cf],
  );
  const rrd = useRrdUpdates(poolId, request, refetchMsOf(range));
  // New data renders in the background, so a big reply never holds up a frame.
  const updates = useDeferredValue(rrd.data);
  const dataSources = useDataSources(poolId, cls, objectRef);
  const layout = useGraphLayout(poolId, object, updates);
  const save = useSaveLayout(poolId, cls, objectRef, object);

  const byName = useMemo(() => new Map(dataSources.data?.map((ds) => [ds.name_label, ds])), [dataSources.data]);
  const units = useCallback((source: string) => byName.get(source)?.units, [byName]);
  const description = useCallback((source: string) => byName.get(source)?.name_description, [byName]);

  const legendNames = useMemo(() => (updates ? [...columnsOf(updates, object).keys()] : []), [updates, object]);
  const options = dataSources.isPending ? undefined : sourceOptions(object.kind, dataSources.data, legendNames);

  const graphs = layout.graphs;
  const titles = graphs.map((graph, i) => graphTitle(t, graph, i));
  const keys = graphKeys(graphs);
  const busyReason = save.isPending ? t('toolbar.saving') : undefined;
  const { mutate } = save;
  const commit = useCallback(
    (next: readonly DesignedGraph[], record?: string[]) => mutate({ graphs: next, record }),
    [mutate],
  );
  // Stable while the layout is, so the graphs (memoised) are not redrawn for nothing.
  const move = useCallback(
    (index: number, by: -1 | 1) => {
      const next = [...graphs];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      commit(next);
    },
    [graphs, commit],
  );
  const remove = useCallback((index: number) => commit(graphs.filter((_, j) => j !== index)), [graphs, commit]);
  const edit = useCallback((index: number) => setEditing({ index }), []);

  const changeRange = (id: RangeId) => {
    setRangeId(id);
    setZoom(undefined);
  };

  return (
    <section className="performance" aria-label={t('toolbar.label')}>
      <PerformanceToolbar
        rangeId={rangeId}
        onRange={changeRange}
        cf={cf}
        onCf={setCf}
        zoomed={zoom !== undefined}
        onResetZoom={() => setZoom(undefined)}
        saved={layout.saved}
        busyReason={busyReason}
        onNewGraph={() => setEditing({ index: undefined })}
        onRestoreDefaults={() => commit([])}
      />
      {save.isPending && <p role="status">{t('toolbar.saving')}</p>}
      {save.error && (
        <div role="alert" className="form-error">
          {t('toolbar.saveFailed')} <XapiErrorText error={save.error} />
        </div>
      )}
      {rrd.error && (
        <div role="alert" className="form-error">
          {t('loadFailed')} <XapiErrorText error={rrd.error} />
        </div>
      )}
      {!updates ? (
        !rrd.error && <p role="status">{t('loadingData')}</p>
      ) : graphs.length === 0 ? (
        <p>{t('noGraphs')}</p>
      ) : (
        <ol className="graph-list">
          {graphs.map((graph, i) => (
            <li key={keys[i]}>
              <GraphCard
                graph={graph}
                title={titles[i]}
                index={i}
                count={graphs.length}
                updates={updates}
                object={object}
                units={units}
                description={description}
                zoom={zoom}
                onZoom={setZoom}
                busyReason={busyReason}
                onMove={move}
                onEdit={edit}
                onRemove={remove}
              />
            </li>
          ))}
        </ol>
      )}
      {editing && (editing.index === undefined || graphs[editing.index]) && (
        <GraphEditor
          editing={
            editing.index === undefined ? undefined : { graph: graphs[editing.index], title: titles[editing.index] }
          }
          options={options}
          onClose={() => setEditing(undefined)}
          onSave={(graph, record) => {
            const index = editing.index;
            setEditing(undefined);
            commit(index === undefined ? [...graphs, graph] : graphs.map((g, j) => (j === index ? graph : g)), record);
          }}
        />
      )}
    </section>
  );
}

/** Keys that follow a graph when it moves, so its table stays open; a repeated graph gets a number. */
function graphKeys(graphs: readonly DesignedGraph[]): string[] {
  const seen = new Map<string, number>();
  return graphs.map((graph) => {
    const key = `${graph.name}|${graph.sources.join()}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${key}|${n}`;
  });
}
