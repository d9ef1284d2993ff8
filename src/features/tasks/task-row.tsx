import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { useMirror, useRecord } from '../../store/mirror-store';
import { TaskElapsed } from './task-elapsed';
import { taskError } from './task-error';
import { taskName } from './task-name';
import { TaskObject } from './task-object';
import { isRunning } from './task-state';
import { useCancelTask, useDismissTasks } from './use-task-commands';

/** What a row is expected to take before it is measured: one line with buttons. */
export const ROW_HEIGHT_PX = 30;

interface RowProps {
  poolId: string;
  taskRef: string;
}

interface Props extends RowProps {
  /** Where the row sits in the pool's whole list, most of which is not in the DOM. */
  index: number;
  setSize: number;
  /** The virtualiser's measuring ref (a stable function). */
  measure: (element: HTMLElement | null) => void;
}

function useTitle(nameLabel: string | undefined): string | undefined {
  const { t } = useTranslation('tasks');
  if (nameLabel === undefined) return undefined;
  const name = taskName(nameLabel);
  return name.key ? t(name.key, { defaultValue: name.label }) : name.label;
}

/**
 * What, on what, how far, how long, and what went wrong if it failed. Memoised on the
 * task alone (it reads its own record), so a batch re-renders only the rows whose task
 * it changed, not those that merely moved in the list.
 */
const TaskRowBody = memo(function TaskRowBody({ poolId, taskRef }: RowProps) {
  const { t } = useTranslation('tasks');
  const task = useRecord(poolId, 'task', taskRef);
  const title = useTitle(task?.name_label);
  const cancel = useCancelTask(poolId, taskRef);
  const dismiss = useDismissTasks(poolId);
  if (!task || title === undefined) return null;
  const percent = Math.round(task.progress * 100);
  const commandError = cancel.error ?? dismiss.error;
  return (
    <>
      <span className="task-name">{title}</span>
      <span className="task-object">
        <TaskObject poolId={poolId} taskRef={taskRef} />
      </span>
      <progress max={100} value={percent} aria-valuenow={percent} aria-label={t('row.progress', { name: title })}>
        {percent}%
      </progress>
      <TaskElapsed poolId={poolId} task={task} />
      <span className="task-status">{t(`status.${task.status}`)}</span>
      {task.allowed_operations.includes('cancel') && (
        <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
          {t('row.cancel')}
        </button>
      )}
      {!isRunning(task) && (
        <button
          type="button"
          aria-label={t('row.dismissNamed', { name: title })}
          disabled={dismiss.isPending}
          onClick={() => dismiss.mutate([taskRef])}
        >
          {t('row.dismiss')}
        </button>
      )}
      {task.status === 'failure' && (
        <div className="task-error">
          <XapiErrorText error={taskError(task.error_info)} />
        </div>
      )}
      {commandError && (
        <div role="alert" className="task-error">
          <XapiErrorText error={commandError} />
        </div>
      )}
    </>
  );
});

/**
 * One task's list item, placed and measured by the virtualiser. It reads only the
 * task's name and status (strings), so when tasks arrive or end and the rows shift,
 * only these thin items re-render; their bodies do not.
 */
export const TaskRow = memo(function TaskRow({ poolId, taskRef, index, setSize, measure }: Props) {
  const nameLabel = useMirror((state) => state.pools[poolId]?.objects.task?.[taskRef]?.name_label);
  const status = useMirror((state) => state.pools[poolId]?.objects.task?.[taskRef]?.status);
  const title = useTitle(nameLabel);
  if (title === undefined) return null;
  return (
    <li
      ref={measure}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={`task-row task-${status}`}
      aria-label={title}
    >
      <TaskRowBody poolId={poolId} taskRef={taskRef} />
    </li>
  );
});
