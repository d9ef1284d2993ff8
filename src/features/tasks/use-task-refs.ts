import { useShallow } from 'zustand/react/shallow';
import { useMirror } from '../../store/mirror-store';
import { taskLists } from './task-lists';

/**
 * The pool's running tasks (newest first) and ended ones (most recently ended first),
 * compared item by item so progress ticks re-render a task's row, not the list.
 */
export function useTaskRefs(poolId: string): { running: readonly string[]; ended: readonly string[] } {
  const running = useMirror(useShallow((state) => taskLists(state.pools[poolId]?.objects.task).running));
  const ended = useMirror(useShallow((state) => taskLists(state.pools[poolId]?.objects.task).ended));
  return { running, ended };
}
