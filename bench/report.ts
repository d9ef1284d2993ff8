/** One measured figure, as bench-results.json records it. */
export interface Figure {
  value: number;
  unit: string;
  /** The target, e.g. "< 250". */
  target: string;
}

export type Figures = Record<string, Figure>;

/** Whether a figure meets its target ("< n", "<= n", "> n", ">= n"). */
export function meets(figure: Figure): boolean {
  const m = /^(<=|>=|<|>)\s*([\d.]+)$/.exec(figure.target.trim());
  if (!m) return false;
  const target = Number(m[2]);
  switch (m[1]) {
    case '<':
      return figure.value < target;
    case '<=':
      return figure.value <= target;
    case '>':
      return figure.value > target;
    default:
      return figure.value >= target;
  }
}

export function printTable(figures: Figures): void {
  const rows = Object.entries(figures).map(([name, f]) => [
    name,
    `${round(f.value)} ${f.unit}`,
    `${f.target} ${f.unit}`,
    meets(f) ? 'ok' : 'MISSED',
  ]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...[['figure', 'value', 'target', ''], ...rows].map((r) => r[i].length)),
  );
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(['figure', 'value', 'target', '']));
  for (const r of rows) console.log(line(r));
}

function round(x: number): string {
  return x >= 100 ? x.toFixed(0) : x.toFixed(2);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
