import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button';
import { NotificationCount } from '../features/tasks/notification-count';
import { LanguageSwitch } from './language-switch';
import { navigate, paths } from './routes';

/** Follows an in-app link without reloading, unless the person asked for a new tab. */
function follow(event: MouseEvent<HTMLAnchorElement>) {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? paths.home());
}

/** The bar across the top: the app's name (home), connect, notifications and the language. */
export function AppHeader() {
  const { t } = useTranslation('app');
  return (
    <header className="app-header">
      <a className="app-name" href={paths.home()} onClick={follow}>
        {t('title')}
      </a>
      <span className="app-tagline">{t('tagline')}</span>
      <div className="app-header-actions">
        <Button onClick={() => navigate(paths.connect())}>{t('connect')}</Button>
        <a className="button button-default" href={paths.notifications()} onClick={follow}>
          {t('notifications')} <NotificationCount />
        </a>
        <LanguageSwitch />
      </div>
    </header>
  );
}
