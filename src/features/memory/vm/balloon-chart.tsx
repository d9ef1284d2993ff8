/**
 * The balloon's target and actual memory over the last minutes (recharts). Loaded on
 * demand (React.lazy in balloon-section.tsx), so recharts stays out of the first bundle.
 */
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMemory } from '../../../components/format/bytes';
import type { BalloonSample } from './balloon-history';

interface Props {
  samples: readonly BalloonSample[];
  /** The VM's dynamic range: the chart spans it, and any sample outside it. */
  dynamicMinBytes: number;
  dynamicMaxBytes: number;
  targetLabel: string;
  actualLabel: string;
  secondsLabel: (seconds: number) => string;
}

/** Memoised: redrawn only when a sample or the range changes, as recharts' work is not small. */
export default memo(function BalloonChart(props: Props) {
  const { samples, targetLabel, actualLabel, secondsLabel } = props;
  const latest = samples.at(-1)?.atMs ?? 0;
  const data = samples.map((sample) => ({
    seconds: Math.round((sample.atMs - latest) / 100) / 10,
    target: sample.targetBytes,
    actual: sample.actualBytes,
  }));
  const values = samples.flatMap((sample) => [sample.targetBytes, sample.actualBytes]);
  const low = Math.min(props.dynamicMinBytes, ...values);
  const high = Math.max(props.dynamicMaxBytes, ...values);
  // A little room below and above, so a line at either end of the range stays visible.
  const margin = Math.max((high - low) * 0.05, 64 * 1024 * 1024);
  return (
    <LineChart
      responsive
      accessibilityLayer={false}
      style={{ width: '100%', maxWidth: 720, height: 200 }}
      data={data}
      margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="seconds"
        type="number"
        domain={['dataMin', 0]}
        allowDecimals={false}
        tickFormatter={secondsLabel}
      />
      <YAxis
        width={72}
        domain={[Math.max(0, low - margin), high + margin]}
        tickFormatter={(bytes: number) => formatMemory(bytes)}
      />
      <Tooltip
        formatter={(bytes) => formatMemory(Number(bytes))}
        labelFormatter={(seconds) => secondsLabel(Number(seconds))}
      />
      <Legend />
      <Line
        name={targetLabel}
        dataKey="target"
        type="stepAfter"
        stroke="var(--warning)"
        strokeDasharray="6 3"
        dot={false}
        isAnimationActive={false}
      />
      <Line
        name={actualLabel}
        dataKey="actual"
        type="monotone"
        stroke="var(--accent)"
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
});
