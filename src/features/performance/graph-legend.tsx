import type { DrawnSeries } from './line-graph';

/** Which colour is which line. */
export function GraphLegend({ series }: { series: readonly DrawnSeries[] }) {
  return (
    <ul className="graph-legend">
      {series.map((s) => (
        <li key={s.source}>
          <span className="graph-swatch" style={{ background: s.color }} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
