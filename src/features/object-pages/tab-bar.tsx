import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, type ObjectClass, paths, type Tab } from '../../app/routes';
import type { TabDefinition } from './object-tabs';

interface Props {
  poolId: string;
  routeClass: ObjectClass;
  uuid: string;
  tabs: readonly TabDefinition[];
  current: Tab;
}

export const tabId = (tab: Tab) => `object-tab-${tab}`;
export const panelId = 'object-tab-panel';

/**
 * The ARIA tabs pattern with links: each tab is an address (so a tab survives a
 * reload and can be shared), arrow keys move between tabs.
 */
export function TabBar({ poolId, routeClass, uuid, tabs, current }: Props) {
  const { t } = useTranslation('objectPages');
  const go = (tab: Tab) => navigate(paths.object(poolId, routeClass, uuid, tab));
  const onClick = (event: MouseEvent, tab: Tab) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(tab);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.id === current);
    const next = tabs[(index + step + tabs.length) % tabs.length].id;
    go(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div role="tablist" aria-label={t('tabs.label')} className="tab-bar" onKeyDown={onKeyDown}>
      {tabs.map(({ id }) => (
        <a
          key={id}
          id={tabId(id)}
          role="tab"
          href={paths.object(poolId, routeClass, uuid, id)}
          aria-selected={id === current}
          aria-controls={panelId}
          tabIndex={id === current ? 0 : -1}
          onClick={(event) => onClick(event, id)}
        >
          {t(`tabs.${id}`)}
        </a>
      ))}
    </div>
  );
}
