/** Each host's CPU and memory use as two bars side by side (the table below says the same in text). */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from './percent';

export interface HostUseRow {
  name: string;
  cpu: number | null;
  memory: number | null;
}

export function HostUsageChart({ rows }: { rows: readonly HostUseRow[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const percent = (value: unknown) => formatPercent(Number(value), i18n.language);
  return (
    <BarChart
      data={rows as HostUseRow[]}
      responsive
      width="100%"
      height={Math.min(320, 120 + rows.length * 12)}
      accessibilityLayer={false}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" interval="preserveStartEnd" />
      <YAxis domain={[0, 1]} tickFormatter={percent} width={48} />
      <Tooltip isAnimationActive={false} formatter={percent} />
      <Legend />
      <Bar dataKey="cpu" name={t('hosts.cpu')} fill="#0066ff" isAnimationActive={false} />
      <Bar dataKey="memory" name={t('hosts.memory')} fill="#ff9900" isAnimationActive={false} />
    </BarChart>
  );
}
