import { formatStopwatch } from '../../components/format/duration';
import { useNow } from '../../components/format/use-now';
import { useServerClockOffset } from '../../queries/use-server-clock-offset';
import { parseXapiDateTime } from '../../xapi/datetime';
import type { XapiRecord } from '../../xapi/model/types';

/** Created → finished, or → now on the pool's clock while the task runs. */
export function TaskElapsed({ poolId, task }: { poolId: string; task: XapiRecord<'task'> }) {
  const offset = useServerClockOffset(poolId);
  const now = useNow() + offset;
  const created = parseXapiDateTime(task.created);
  if (created === undefined) return null;
  const end = parseXapiDateTime(task.finished) ?? now;
  return <span className="task-elapsed">{formatStopwatch(end - created)}</span>;
}
