/**
 * The balloon's recent history, fed by the mirror: a sample whenever the event stream
 * changes the VM's target (VM.memory_target, which tracks squeezed's balloon target)
 * or what it holds (VM_metrics.memory_actual), and one a second while the balloon has
 * not reached its target, so the time axis moves while it waits. A balloon at rest
 * gets one every ten seconds, which draws its flat line without redrawing the chart
 * (recharts' work is not small) at every tick. Kept in the component: it starts when
 * the tab opens.
 */
import { useEffect, useState } from 'react';
import { useMirror } from '../../../store/mirror-store';
import { appendSample, type BalloonSample, settled } from './balloon-history';

const SAMPLE_EVERY_MS = 1_000;
const SAMPLE_AT_REST_EVERY_MS = 10_000;

export function useBalloonHistory(poolId: string, vmRef: string): readonly BalloonSample[] {
  const [history, setHistory] = useState<readonly BalloonSample[]>([]);
  useEffect(() => {
    const read = () => {
      const objects = useMirror.getState().pools[poolId]?.objects;
      const vm = objects?.VM?.[vmRef];
      return {
        targetBytes: vm?.memory_target ?? 0,
        actualBytes: (vm && objects?.VM_metrics?.[vm.metrics]?.memory_actual) ?? 0,
      };
    };
    let last = read();
    let lastPushMs = 0;
    const push = () => {
      lastPushMs = Date.now();
      setHistory((history) => appendSample(history, { atMs: lastPushMs, ...last }));
    };
    push();
    const unsubscribe = useMirror.subscribe(() => {
      const now = read();
      if (now.targetBytes === last.targetBytes && now.actualBytes === last.actualBytes) return;
      last = now;
      push();
    });
    const timer = setInterval(() => {
      const atRest = settled({ atMs: 0, ...last });
      if (!atRest || Date.now() - lastPushMs >= SAMPLE_AT_REST_EVERY_MS) push();
    }, SAMPLE_EVERY_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [poolId, vmRef]);
  return history;
}
