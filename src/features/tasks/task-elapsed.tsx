import { formatStopwatch } from '../../components/format/duration';
import { useNow } from '../../components/format/use-now';
import { useServerClockOffset } from '../../queries/use-server-clock-offset';
import { parseXapiDateTime } from '../../xapi/datetime';
import type { XapiRecord } from '../../xapi/model/types';

/** Created → now on the pool's clock: the only part that ticks every second. */
function Running({ poolId, created }: { poolId: string; created: number }) {
  const offset = useServerClockOffset(poolId);
  const now = useNow() + offset;
  return <span className="task-elapsed">{formatStopwatch(now - created)}</span>;
}

/** Created → finished, or → now on the pool's clock while the task runs. */
export function TaskElapsed({ poolId, task }: { poolId: string; task: XapiRecord<'task'> }) {
  const created = parseXapiDateTime(task.created);
  if (created === undefined) return null;
  const finished = parseXapiDateTime(task.finished);
  if (finished === undefined) return <Running poolId={poolId} created={created} />;
  return <span className="task-elapsed">{formatStopwatch(finished - created)}</span>;
}
