/**
 * One graph: its title and the buttons that manage it (keyboard users reorder with
 * Move up / Move down, not by dragging), the lines, a legend, and the same data in
 * words and as a table.
 */
import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import type { RrdUpdates } from '../../xapi/rrd-updates';
import { GraphCaption } from './graph-caption';
import type { DesignedGraph, GraphedObject } from './graph-layout';
import { GraphLegend } from './graph-legend';
import { graphSeries } from './graph-series';
import { GraphTable } from './graph-table';
import { GRAPH_HEIGHT, LineGraph } from './line-graph';
import { sourceLabel } from './source-label';
import { useStaggered } from './use-staggered';
import { useTimeFormats } from './use-time-formats';
import { visibleRows, type Zoom } from './zoom';

/** Distinct line colours, given out in order. */
const PALETTE = [
  '#0066ff',
  '#339900',
  '#ff9900',
  '#660099',
  '#cc0033',
  '#995e00',
  '#00a3a3',
  '#e6007e',
  '#5c5c5c',
  '#8fb300',
];

export interface GraphCardProps {
  graph: DesignedGraph;
  title: string;
  index: number;
  count: number;
  updates: RrdUpdates;
  object: GraphedObject;
  units: (source: string) => string | undefined;
  description: (source: string) => string | undefined;
  zoom: Zoom | undefined;
  onZoom: (zoom: Zoom) => void;
  /** Set while a layout change is being saved: the layout cannot change again until it is. */
  busyReason: string | undefined;
  onMove: (index: number, by: -1 | 1) => void;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}

/**
 * Drawn in a frame of its own (use-staggered.ts) whenever its data or zoom changes,
 * and only then: the tab's other changes leave it alone.
 */
export const GraphCard = memo(function GraphCard(props: GraphCardProps) {
  const { title, index, count, busyReason } = props;
  const { t } = useTranslation('performance');
  const titleId = useId();
  const view = useStaggered(useMemo(() => ({ updates: props.updates, zoom: props.zoom }), [props.updates, props.zoom]));

  return (
    <figure className="graph-card" aria-labelledby={titleId}>
      <div className="graph-header">
        <h3 id={titleId}>{title}</h3>
        <div className="graph-actions">
          <Button
            aria-label={t('graph.moveUp', { graph: title })}
            disabledReason={busyReason ?? (index === 0 ? t('graph.first') : undefined)}
            onClick={() => props.onMove(index, -1)}
          >
            ↑
          </Button>
          <Button
            aria-label={t('graph.moveDown', { graph: title })}
            disabledReason={busyReason ?? (index === count - 1 ? t('graph.last') : undefined)}
            onClick={() => props.onMove(index, 1)}
          >
            ↓
          </Button>
          <Button
            aria-label={t('graph.edit', { graph: title })}
            disabledReason={busyReason}
            onClick={() => props.onEdit(index)}
          >
            {t('graph.editButton')}
          </Button>
          <Button
            aria-label={t('graph.remove', { graph: title })}
            disabledReason={busyReason}
            variant="danger"
            onClick={() => props.onRemove(index)}
          >
            {t('graph.removeButton')}
          </Button>
        </div>
      </div>
      {view ? (
        <GraphBody
          graph={props.graph}
          title={title}
          updates={view.updates}
          zoom={view.zoom}
          object={props.object}
          units={props.units}
          description={props.description}
          onZoom={props.onZoom}
        />
      ) : (
        <div className="graph-pending" style={{ height: GRAPH_HEIGHT }} />
      )}
    </figure>
  );
});

type GraphBodyProps = Pick<
  GraphCardProps,
  'graph' | 'title' | 'updates' | 'zoom' | 'object' | 'units' | 'description' | 'onZoom'
>;

/** The lines, legend, caption and table, for the data the card has taken up. */
const GraphBody = memo(function GraphBody(props: GraphBodyProps) {
  const { graph, title, updates, object, units, description, zoom } = props;
  const { t } = useTranslation('performance');
  const { formatTime, formatTick } = useTimeFormats(updates.step);

  const series = useMemo(() => graphSeries(updates, object, graph.sources, units), [updates, object, graph, units]);
  const drawn = useMemo(
    () =>
      series.map((s, i) => ({
        ...s,
        label: sourceLabel(t, s.source, description(s.source)),
        color: PALETTE[i % PALETTE.length],
      })),
    [series, t, description],
  );
  const { start, end } = visibleRows(updates.times, zoom);
  const times = updates.times.slice(start, end);
  const withLatest = drawn.map((s) => ({ ...s, latest: end > start ? s.values[end - 1] : Number.NaN }));
  const missing = graph.sources
    .filter((source) => !series.some((s) => s.source === source))
    .map((source) => sourceLabel(t, source, description(source)));

  return (
    <>
      <div className="graph-plot" aria-hidden="true">
        <LineGraph
          times={updates.times}
          start={start}
          end={end}
          series={drawn}
          zoom={zoom}
          onZoom={props.onZoom}
          formatTime={formatTime}
          formatTick={formatTick}
        />
      </div>
      <GraphLegend series={drawn} />
      <GraphCaption
        times={times}
        stepSeconds={updates.step}
        series={withLatest}
        missing={missing}
        formatTime={formatTime}
      />
      <GraphTable title={title} times={times} firstRow={start} series={drawn} formatTime={formatTime} />
    </>
  );
});
