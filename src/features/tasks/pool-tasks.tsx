import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { useMirror } from '../../store/mirror-store';
import { TaskRow } from './task-row';
import { useDismissTasks } from './use-task-commands';
import { useTaskRefs } from './use-task-refs';

interface Props {
  poolId: string;
  /** Name the pool above its tasks: several pools are connected. */
  showPool: boolean;
}

/** One pool's tasks, running first, with a way to clear the ended ones. */
export function PoolTasks({ poolId, showPool }: Props) {
  const { t } = useTranslation('tasks');
  const { running, ended } = useTaskRefs(poolId);
  const clear = useDismissTasks(poolId);
  const label = useMirror((state) => state.pools[poolId]?.label);
  if (running.length + ended.length === 0) return null;
  return (
    <section className="pool-tasks" aria-label={label}>
      {showPool && <h3>{label}</h3>}
      <ul className="task-list">
        {[...running, ...ended].map((ref) => (
          <TaskRow key={ref} poolId={poolId} taskRef={ref} />
        ))}
      </ul>
      {ended.length > 0 && (
        <button type="button" disabled={clear.isPending} onClick={() => clear.mutate(ended)}>
          {t('panel.clearEnded', { count: ended.length })}
        </button>
      )}
      {clear.error && (
        <div role="alert">
          <XapiErrorText error={clear.error} />
        </div>
      )}
    </section>
  );
}
