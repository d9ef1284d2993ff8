import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths, type Route } from '../../app/routes';
import { usePool } from '../../store/mirror-store';
import { useRefByUuid } from '../../store/uuid-index';
import { type PageClass, pageClassOf } from './object-kind';
import { GENERAL_ONLY, type TabsByClass } from './object-tabs';
import { PageHeader } from './page-header';
import { PoolDisconnected } from './pool-disconnected';
import { panelId, TabBar, tabId } from './tab-bar';
import './object-pages.css';

type ObjectRoute = Extract<Route, { name: 'object' }>;

/**
 * The page of one pool object, found in the mirror by the UUID in the address. It
 * says so while the pool is still loading and when no such object exists (deleted, or
 * a stale link), and shows the tab named in the address when the class has it.
 */
export function ObjectPage({ route, tabs = GENERAL_ONLY }: { route: ObjectRoute; tabs?: TabsByClass }) {
  const { t } = useTranslation('objectPages');
  const cls = pageClassOf(route.cls);
  if (!cls) {
    return (
      <div role="alert">
        <h1>{t('page.notFound')}</h1>
        <p>{t('page.unknownKind', { kind: route.cls })}</p>
      </div>
    );
  }
  return <ClassPage route={route} cls={cls} tabs={tabs[cls]} />;
}

function ClassPage({ route, cls, tabs }: { route: ObjectRoute; cls: PageClass; tabs: TabsByClass[PageClass] }) {
  const { t } = useTranslation('objectPages');
  const { poolId, cls: routeClass, uuid } = route;
  const pool = usePool(poolId);
  const ref = useRefByUuid(poolId, cls, uuid);
  const tab = tabs.find((candidate) => candidate.id === route.tab) ?? tabs[0];

  // A link to a tab this kind of object does not have lands on its first tab instead.
  useEffect(() => {
    if (tab.id !== route.tab) navigate(paths.object(poolId, routeClass, uuid, tab.id), { replace: true });
  }, [tab.id, route.tab, poolId, routeClass, uuid]);

  if (!pool) return <p role="status">{t('page.notConnected', { pool: poolId })}</p>;
  if (pool.status === 'disconnected') return <PoolDisconnected pool={pool} />;
  if (ref === undefined) return <p role="status">{t('page.loading')}</p>;
  if (ref === null) {
    return (
      <div role="alert">
        <h1>{t('page.notFound')}</h1>
        <p>{t('page.notFoundDetail', { kind: t(`kind.${routeClass}`), uuid, pool: pool.label })}</p>
      </div>
    );
  }
  const { Component } = tab;
  return (
    <article className="object-page">
      <PageHeader poolId={poolId} cls={cls} routeClass={routeClass} objectRef={ref} />
      <TabBar poolId={poolId} routeClass={routeClass} uuid={uuid} tabs={tabs} current={tab.id} />
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(tab.id)}>
        <Component poolId={poolId} cls={cls} objectRef={ref} />
      </div>
    </article>
  );
}
