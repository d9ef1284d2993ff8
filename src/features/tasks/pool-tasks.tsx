import { measureElement as measureFromLayout, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { useMirror } from '../../store/mirror-store';
import { ROW_HEIGHT_PX, TaskRow } from './task-row';
import { useDismissTasks } from './use-task-commands';
import { useTaskRefs } from './use-task-refs';

interface Props {
  poolId: string;
  /** Name the pool above its tasks: several pools are connected. */
  showPool: boolean;
}

/**
 * Until the list box has been measured (and in jsdom, which has no layout), the
 * virtualiser assumes a box this tall, so the first rows render at once.
 */
const INITIAL_RECT = { width: 0, height: 8 * ROW_HEIGHT_PX };

/**
 * One pool's tasks, running first, with a way to clear the ended ones. A bulk action
 * brings hundreds of tasks, so the list is virtualised: only the rows in view (and a
 * few either side) are in the DOM, in normal flow between two paddings that stand for
 * the rest, and each says where it sits in the whole list (aria-setsize/posinset).
 * Rows are measured, since a failed task's row grows to say why.
 */
/**
 * A row's height. A row just put in the page takes its last known height (or the
 * estimate) rather than reading layout: in a burst, rows mount by the dozen, and each
 * read forced a layout of the whole page. The ResizeObserver the virtualiser puts on
 * every row then reports the real height, without forcing anything.
 */
function rowHeight(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  list: Virtualizer<HTMLDivElement, Element>,
) {
  if (entry) return measureFromLayout(element, entry, list);
  const key = list.options.getItemKey(list.indexFromElement(element));
  return list.itemSizeCache.get(key) ?? ROW_HEIGHT_PX;
}

export function PoolTasks({ poolId, showPool }: Props) {
  const { t } = useTranslation('tasks');
  const { running, ended } = useTaskRefs(poolId);
  const refs = useMemo(() => [...running, ...ended], [running, ended]);
  const clear = useDismissTasks(poolId);
  const label = useMirror((state) => state.pools[poolId]?.label);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: refs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    initialRect: INITIAL_RECT,
    overscan: 6,
    getItemKey: (index) => refs[index],
    measureElement: rowHeight,
  });
  if (refs.length === 0) return null;
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <section className="pool-tasks" aria-label={label}>
      {showPool && <h3>{label}</h3>}
      <div ref={scrollRef} className="task-scroll">
        <ul className="task-list" style={{ paddingTop: before, paddingBottom: after }}>
          {items.map((item) => (
            <TaskRow
              key={item.key}
              poolId={poolId}
              taskRef={refs[item.index]}
              index={item.index}
              setSize={refs.length}
              measure={virtualizer.measureElement}
            />
          ))}
        </ul>
      </div>
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
