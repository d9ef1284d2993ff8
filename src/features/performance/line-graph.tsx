/**
 * One graph's lines (recharts). Dragging across it selects a window of time to zoom
 * into: recharts' ReferenceArea shows the selection while the mouse is down. The SVG
 * is decoration for sighted users: the figure's caption and table say the same in text.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import type { ValueKind } from './data-source-kinds';
import { formatValue } from './format-value';
import type { ChartRow } from './graph-series';
import type { Zoom } from './zoom';

export interface DrawnSeries {
  source: string;
  label: string;
  color: string;
  kind: ValueKind;
}

interface Props {
  rows: readonly ChartRow[];
  series: readonly DrawnSeries[];
  zoom: Zoom | undefined;
  onZoom: (zoom: Zoom) => void;
  formatTime: (ms: number) => string;
  formatTick: (ms: number) => string;
}

const HEIGHT = 180;

export function LineGraph({ rows, series, zoom, onZoom, formatTime, formatTick }: Props) {
  const { i18n } = useTranslation();
  const [dragFrom, setDragFrom] = useState<number>();
  const [dragTo, setDragTo] = useState<number>();
  const axisKind = series[0]?.kind ?? 'number';
  const kinds = new Map(series.map((s) => [s.source, s.kind]));

  const endDrag = () => {
    if (dragFrom !== undefined && dragTo !== undefined && dragFrom !== dragTo) {
      onZoom({ from: Math.min(dragFrom, dragTo), to: Math.max(dragFrom, dragTo) });
    }
    setDragFrom(undefined);
    setDragTo(undefined);
  };

  return (
    <LineChart
      data={rows as ChartRow[]}
      responsive
      accessibilityLayer={false}
      width="100%"
      height={HEIGHT}
      margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
      cursor="crosshair"
      onMouseDown={(state) => typeof state.activeLabel === 'number' && setDragFrom(state.activeLabel)}
      onMouseMove={(state) => {
        if (dragFrom !== undefined && typeof state.activeLabel === 'number') setDragTo(state.activeLabel);
      }}
      onMouseUp={endDrag}
      onMouseLeave={endDrag}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={zoom ? [zoom.from, zoom.to] : ['dataMin', 'dataMax']}
        allowDataOverflow
        tickFormatter={formatTick}
        minTickGap={40}
      />
      <YAxis
        width={76}
        domain={axisKind === 'fraction' ? [0, 1] : [0, 'auto']}
        tickFormatter={(value: number) => formatValue(axisKind, value, i18n.language)}
      />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={(label) => formatTime(Number(label))}
        formatter={(value, name, item) => [
          formatValue(kinds.get(String(item.dataKey)) ?? axisKind, Number(value), i18n.language),
          name,
        ]}
      />
      {series.map(({ source, label, color }) => (
        <Line
          key={source}
          dataKey={source}
          name={label}
          stroke={color}
          dot={false}
          strokeWidth={1.5}
          isAnimationActive={false}
          connectNulls={false}
        />
      ))}
      {dragFrom !== undefined && dragTo !== undefined && (
        <ReferenceArea x1={dragFrom} x2={dragTo} fillOpacity={0.2} ifOverflow="visible" />
      )}
    </LineChart>
  );
}
