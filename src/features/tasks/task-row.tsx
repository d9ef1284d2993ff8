import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { useRecord } from '../../store/mirror-store';
import { TaskElapsed } from './task-elapsed';
import { taskError } from './task-error';
import { taskName } from './task-name';
import { TaskObject } from './task-object';
import { isRunning } from './task-state';
import { useCancelTask, useDismissTasks } from './use-task-commands';

/** One task: what, on what, how far, how long, and what went wrong if it failed. */
export function TaskRow({ poolId, taskRef }: { poolId: string; taskRef: string }) {
  const { t } = useTranslation('tasks');
  const task = useRecord(poolId, 'task', taskRef);
  const cancel = useCancelTask(poolId, taskRef);
  const dismiss = useDismissTasks(poolId);
  if (!task) return null;
  const name = taskName(task.name_label);
  const title = name.key ? t(name.key, { defaultValue: name.label }) : name.label;
  const percent = Math.round(task.progress * 100);
  const commandError = cancel.error ?? dismiss.error;
  return (
    <li className={`task-row task-${task.status}`} aria-label={title}>
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
    </li>
  );
}
