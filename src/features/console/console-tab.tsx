/**
 * The Console tab of a VM or a host (src/app/object-tabs.ts puts it on those pages). The
 * console is a chunk of its own, loaded the first time the tab opens, and xterm.js and
 * noVNC are chunks of theirs, loaded when a console of their kind first shows.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const ConsoleView = lazy(() => import('./console-view').then((m) => ({ default: m.ConsoleView })));

/** The object page's tab props (the object-pages feature's TabProps, by shape). */
export interface ConsoleTabProps {
  poolId: string;
  cls: string;
  objectRef: string;
}

export function ConsoleTab({ poolId, cls, objectRef }: ConsoleTabProps) {
  const { t } = useTranslation('console');
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <ConsoleView poolId={poolId} cls={cls === 'host' ? 'host' : 'VM'} objectRef={objectRef} />
    </Suspense>
  );
}
