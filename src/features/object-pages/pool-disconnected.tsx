import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths } from '../../app/routes';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { targetOf } from '../../store/connections';
import type { PoolMirror } from '../../store/mirror-store';

/**
 * A deep link into a pool whose session ended (a real pool after a reload): the page
 * cannot show the object until someone logs in again, so it says so, why, and where.
 */
export function PoolDisconnected({ pool }: { pool: PoolMirror }) {
  const { t } = useTranslation('objectPages');
  const target = targetOf(pool.id);
  const href = paths.connect(
    target?.kind === 'simulator' ? { scenario: target.scenario } : { address: target?.address ?? pool.id },
  );
  const follow = (event: MouseEvent) => {
    event.preventDefault();
    navigate(href);
  };
  return (
    <div role="alert">
      <h1>{t('page.disconnected', { pool: pool.label })}</h1>
      {pool.error !== undefined && (
        <p>
          <XapiErrorText error={pool.error} />
        </p>
      )}
      <a href={href} onClick={follow}>
        {t('page.logInAgain')}
      </a>
    </div>
  );
}
