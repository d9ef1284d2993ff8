/**
 * A console in a window of its own (the toolbar's "Open in a separate window"): only
 * the console, at its own address, so it can be reloaded, bookmarked or moved to another
 * screen. The pool comes back from the session the main window keeps. On the
 * simulator, the window shares the main page's: when that page closes or reloads, it
 * says so.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleWindowMode, ObjectClass } from '../../app/routes';
import { ActionFailures } from '../../components/actions/action-failures';
import { useMirror, usePool } from '../../store/mirror-store';
import { useSharedSimulatorGone } from '../../store/shared-simulator';
import { useRefByUuid } from '../../store/uuid-index';

const ConsoleView = lazy(() => import('./console-view').then((m) => ({ default: m.ConsoleView })));

interface Props {
  poolId: string;
  cls: ObjectClass;
  uuid: string;
  mode?: ConsoleWindowMode;
}

export function ConsoleWindow({ poolId, cls, uuid, mode }: Props) {
  const { t } = useTranslation('console');
  const owner = cls === 'host' ? 'host' : 'VM';
  const pool = usePool(poolId);
  const ref = useRefByUuid(poolId, owner, uuid);
  const name = useMirror((state) => (ref ? state.pools[poolId]?.objects[owner]?.[ref]?.name_label : undefined));
  const simulatorGone = useSharedSimulatorGone();
  const title = name === undefined ? undefined : t('window.title', { name });
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);

  let body: React.ReactNode;
  if (simulatorGone) body = <p role="alert">{t('window.simulatorGone')}</p>;
  else if (pool?.status === 'disconnected') body = <p role="alert">{t('window.notConnected', { pool: pool.label })}</p>;
  else if (ref === null) body = <p role="alert">{t('window.notFound', { pool: pool?.label ?? poolId })}</p>;
  else if (!pool || ref === undefined) body = <p role="status">{t('loading')}</p>;
  else {
    body = (
      <Suspense fallback={<p role="status">{t('loading')}</p>}>
        <ConsoleView poolId={poolId} cls={owner} objectRef={ref} windowed initialMode={mode} />
      </Suspense>
    );
  }
  return (
    <main className="console-window">
      {title && <h1 className="visually-hidden">{title}</h1>}
      <ActionFailures />
      {body}
    </main>
  );
}
