/**
 * What a person can do to tasks: cancel one that allows it (task.cancel) and dismiss
 * ended ones (task.destroy, which an Async caller is expected to do when it no longer
 * needs the result). The task's record changes, or goes, through the event stream.
 */
import { useMutation } from '@tanstack/react-query';
import { getConnection } from '../../store/connections';
import type { Ref } from '../../xapi/model/types';

export function useCancelTask(poolId: string, taskRef: string) {
  return useMutation({ mutationFn: () => getConnection(poolId).call('task.cancel', taskRef as Ref<'task'>) });
}

export function useDismissTasks(poolId: string) {
  return useMutation({
    mutationFn: async (taskRefs: readonly string[]) => {
      const connection = getConnection(poolId);
      await Promise.all(taskRefs.map((ref) => connection.call('task.destroy', ref as Ref<'task'>)));
    },
  });
}
