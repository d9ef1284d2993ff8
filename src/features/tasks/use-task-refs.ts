import { useShallow } from 'zustand/react/shallow';
import { useMirror } from '../../store/mirror-store';
import { parseXapiDateTime } from '../../xapi/datetime';
import type { XapiRecord } from '../../xapi/model/types';
import { NULL_REF } from '../../xapi/refs';
import { isRunning } from './task-state';

type Entry = [string, XapiRecord<'task'>];

const time = (text: string) => parseXapiDateTime(text) ?? 0;
const newestFirst =
  (field: 'created' | 'finished') =>
  ([, a]: Entry, [, b]: Entry) =>
    time(b[field]) - time(a[field]);

function topLevelTasks(poolId: string, state: ReturnType<typeof useMirror.getState>): Entry[] {
  // Subtasks are steps of a task already listed.
  return Object.entries(state.pools[poolId]?.objects.task ?? {}).filter(([, task]) => task.subtask_of === NULL_REF);
}

/**
 * The pool's running tasks (newest first) and ended ones (most recently ended first),
 * compared item by item so progress ticks re-render a task's row, not the list.
 */
export function useTaskRefs(poolId: string): { running: string[]; ended: string[] } {
  const running = useMirror(
    useShallow((state) =>
      topLevelTasks(poolId, state)
        .filter(([, task]) => isRunning(task))
        .sort(newestFirst('created'))
        .map(([ref]) => ref),
    ),
  );
  const ended = useMirror(
    useShallow((state) =>
      topLevelTasks(poolId, state)
        .filter(([, task]) => !isRunning(task))
        .sort(newestFirst('finished'))
        .map(([ref]) => ref),
    ),
  );
  return { running, ended };
}
