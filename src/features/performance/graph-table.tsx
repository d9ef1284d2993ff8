/** Every point of a graph as a table, drawn only once opened (a year of six graphs is thousands of cells). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue } from './format-value';
import type { Series } from './graph-series';
import type { DrawnSeries } from './line-graph';

interface Props {
  title: string;
  times: readonly number[];
  /** Index of the first shown row in the series' values. */
  firstRow: number;
  series: readonly (DrawnSeries & Pick<Series, 'values'>)[];
  formatTime: (ms: number) => string;
}

export function GraphTable({ title, times, firstRow, series, formatTime }: Props) {
  const { t, i18n } = useTranslation('performance');
  const [open, setOpen] = useState(false);
  return (
    <details className="graph-table" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('graph.showTable')}</summary>
      {open && (
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('graph.time')}</th>
              {series.map((s) => (
                <th key={s.source} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {times.map((time, i) => (
              <tr key={time}>
                <th scope="row">{formatTime(time * 1000)}</th>
                {series.map((s) => (
                  <td key={s.source}>{formatValue(s.kind, s.values[firstRow + i], i18n.language)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
