import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useMirror } from '../../store/mirror-store';
import { PoolTasks } from './pool-tasks';
import { taskLists } from './task-lists';
import './tasks.css';

/** Tasks across every connected pool, for the header while the panel is collapsed. */
function useTaskCounts(): { running: number; total: number } {
  return useMirror(
    useShallow((state) => {
      let running = 0;
      let total = 0;
      for (const pool of Object.values(state.pools)) {
        const lists = taskLists(pool.objects.task);
        running += lists.running.length;
        total += lists.running.length + lists.ended.length;
      }
      return { running, total };
    }),
  );
}

/** The collapsible panel at the bottom of the console: every running and recent task, per pool. */
export function TaskPanel() {
  const { t } = useTranslation('tasks');
  const [open, setOpen] = useState(true);
  const order = useMirror((state) => state.order);
  const { running, total } = useTaskCounts();
  const listId = useId();
  return (
    <section className="task-panel" aria-label={t('panel.title')}>
      <h2>
        <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {t('panel.title')}
          <span className="task-count">{t('panel.running', { count: running })}</span>
        </button>
      </h2>
      {open && (
        <div id={listId}>
          {total === 0 ? (
            <p>{t('panel.empty')}</p>
          ) : (
            order.map((poolId) => <PoolTasks key={poolId} poolId={poolId} showPool={order.length > 1} />)
          )}
        </div>
      )}
    </section>
  );
}
