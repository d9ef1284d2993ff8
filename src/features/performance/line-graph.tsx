/**
 * One graph's lines, drawn as plain SVG (plot-scales.ts says why). Hovering shows the
 * values at the nearest time; dragging across selects a window of time to zoom into,
 * shaded while the button is down (the selection-area pattern of recharts'
 * ReferenceArea). The drawing is for sighted users: the figure's caption and table
 * say the same in text.
 */
import { type PointerEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementWidth } from '../../components/use-element-width';
import type { ValueKind } from './data-source-kinds';
import { formatValue } from './format-value';
import { linePath, maxOf, nearestIndex, timeTicks, valueTicks } from './plot-scales';
import type { Zoom } from './zoom';

export interface DrawnSeries {
  source: string;
  label: string;
  color: string;
  kind: ValueKind;
}

interface Props {
  /** Unix seconds, oldest first. */
  times: readonly number[];
  /** Rows [start, end) are within the zoom. */
  start: number;
  end: number;
  series: readonly (DrawnSeries & { values: Float64Array })[];
  zoom: Zoom | undefined;
  onZoom: (zoom: Zoom) => void;
  formatTime: (ms: number) => string;
  formatTick: (ms: number) => string;
}

export const GRAPH_HEIGHT = 180;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 72 };
/** A drag shorter than this is a click, not a selection. */
const MIN_DRAG_PX = 4;

export function LineGraph({ times, start, end, series, zoom, onZoom, formatTime, formatTick }: Props) {
  const { i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 600);
  const [hover, setHover] = useState<number>();
  const [drag, setDrag] = useState<{ from: number; to: number }>();

  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = GRAPH_HEIGHT - MARGIN.top - MARGIN.bottom;
  const from = zoom?.from ?? (times[0] ?? 0) * 1000;
  const to = zoom?.to ?? (times[times.length - 1] ?? 0) * 1000;
  const span = Math.max(1, to - from);
  const axisKind = series[0]?.kind ?? 'number';

  const drawing = useMemo(() => {
    const ticks = valueTicks(axisKind, maxOf(series, start, end));
    const top = ticks[ticks.length - 1];
    const y = (value: number) => plotHeight - (Math.min(value, top) / top) * plotHeight;
    const xs = times.map((t) => ((t * 1000 - from) / span) * plotWidth);
    return {
      y,
      xs,
      ticks,
      paths: series.map((s) => ({ source: s.source, color: s.color, d: linePath(xs, s.values, start, end, y) })),
    };
  }, [axisKind, series, start, end, times, from, span, plotWidth, plotHeight]);

  const timeAt = (event: PointerEvent) => {
    const left = event.currentTarget.getBoundingClientRect().left;
    return from + ((event.clientX - left) / plotWidth) * span;
  };
  const onPointerDown = (event: PointerEvent) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    const t = timeAt(event);
    setDrag({ from: t, to: t });
  };
  const onPointerMove = (event: PointerEvent) => {
    const t = timeAt(event);
    if (drag) setDrag({ from: drag.from, to: t });
    else if (end > start) setHover(nearestIndex(times, t / 1000, start, end));
  };
  const onPointerUp = () => {
    if (drag && (Math.abs(drag.to - drag.from) / span) * plotWidth >= MIN_DRAG_PX) {
      onZoom({ from: Math.min(drag.from, drag.to), to: Math.max(drag.from, drag.to) });
    }
    setDrag(undefined);
  };

  const hoverX = hover === undefined ? undefined : drawing.xs[hover];
  return (
    <div ref={box} className="line-graph">
      <svg width={width} height={GRAPH_HEIGHT} role="presentation">
        <g transform={`translate(${MARGIN.left} ${MARGIN.top})`}>
          {drawing.ticks.map((tick) => (
            <g key={tick} className="graph-grid" transform={`translate(0 ${drawing.y(tick).toFixed(1)})`}>
              <line x2={plotWidth} />
              <text x={-6} dy="0.32em" textAnchor="end">
                {formatValue(axisKind, tick, i18n.language)}
              </text>
            </g>
          ))}
          {timeTicks(from, to).map((tick, i, all) => (
            <text
              key={tick}
              className="graph-time-tick"
              x={((tick - from) / span) * plotWidth}
              y={plotHeight + 16}
              textAnchor={i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle'}
            >
              {formatTick(tick)}
            </text>
          ))}
          <svg width={plotWidth} height={plotHeight} overflow="hidden" role="presentation">
            {drawing.paths.map((path) => (
              <path key={path.source} d={path.d} stroke={path.color} fill="none" strokeWidth={1.5} />
            ))}
            {drag && (
              <rect
                className="graph-selection"
                x={((Math.min(drag.from, drag.to) - from) / span) * plotWidth}
                width={(Math.abs(drag.to - drag.from) / span) * plotWidth}
                height={plotHeight}
              />
            )}
            {hoverX !== undefined && !drag && <line className="graph-cursor" x1={hoverX} x2={hoverX} y2={plotHeight} />}
          </svg>
          <rect
            className="graph-surface"
            width={plotWidth}
            height={plotHeight}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerLeave={() => setHover(undefined)}
          />
        </g>
      </svg>
      {hover !== undefined && hoverX !== undefined && !drag && (
        <div
          className="graph-tooltip"
          style={{ left: MARGIN.left + hoverX + (hoverX > plotWidth / 2 ? -8 : 8) }}
          data-side={hoverX > plotWidth / 2 ? 'left' : 'right'}
        >
          <div className="graph-tooltip-time">{formatTime(times[hover] * 1000)}</div>
          {series.map((s) => (
            <div key={s.source}>
              <span className="graph-swatch" style={{ background: s.color }} /> {s.label}:{' '}
              {formatValue(s.kind, s.values[hover], i18n.language)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
