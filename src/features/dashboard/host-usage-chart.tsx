/**
 * Each host's CPU and memory use as two bars side by side, drawn as plain SVG: a chart
 * library redrew the whole chart on every poll, costing the page a long frame each
 * time. The table below the chart says the same in text.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useElementWidth } from '../../components/use-element-width';
import { formatPercent } from './percent';

export interface HostUseRow {
  ref: string;
  name: string;
  cpu: number | null;
  memory: number | null;
}

const HEIGHT = 160;
const MARGIN = { top: 8, right: 8, bottom: 20, left: 40 };
/** Below this width per host, names would overlap: the table names them instead. */
const MIN_LABEL_PX = 70;
const COLOURS = { cpu: '#0066ff', memory: '#ff9900' } as const;

export function HostUsageChart({ rows }: { rows: readonly HostUseRow[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box, 600);
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const group = plotWidth / Math.max(1, rows.length);
  const bar = Math.min(40, group * 0.35);
  const y = (fraction: number) => plotHeight - Math.min(1, Math.max(0, fraction)) * plotHeight;
  const bars = (['cpu', 'memory'] as const).flatMap((key, k) =>
    rows.map((row, i) => {
      const value = row[key];
      if (value === null) return null;
      const x = i * group + group / 2 + (k === 0 ? -bar : 0);
      return (
        <rect
          key={`${key}${row.ref}`}
          x={x}
          y={y(value)}
          width={bar}
          height={plotHeight - y(value)}
          fill={COLOURS[key]}
        >
          <title>{`${row.name} ${t(`hosts.${key}`)}: ${formatPercent(value, i18n.language)}`}</title>
        </rect>
      );
    }),
  );
  return (
    <div ref={box} className="host-usage-chart">
      <svg width={width} height={HEIGHT} role="presentation">
        <g transform={`translate(${MARGIN.left} ${MARGIN.top})`}>
          {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
            <g key={tick} className="chart-grid" transform={`translate(0 ${y(tick)})`}>
              <line x2={plotWidth} />
              <text x={-6} dy="0.32em" textAnchor="end">
                {formatPercent(tick, i18n.language)}
              </text>
            </g>
          ))}
          {bars}
          {group >= MIN_LABEL_PX &&
            rows.map((row, i) => (
              <text
                key={row.ref}
                className="chart-label"
                x={i * group + group / 2}
                y={plotHeight + 15}
                textAnchor="middle"
              >
                {row.name}
              </text>
            ))}
        </g>
      </svg>
      <ul className="chart-legend">
        {(['cpu', 'memory'] as const).map((key) => (
          <li key={key}>
            <span className="chart-swatch" style={{ background: COLOURS[key] }} />
            {t(`hosts.${key}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
