import { useTranslation } from 'react-i18next';
import { Button } from '../components/button';
import { useMirror } from '../store/mirror-store';
import { navigate, paths } from './routes';

/** The start page: a short welcome, and the way to connect while there is nothing to show. */
export function HomePage() {
  const { t } = useTranslation('app');
  const hasPools = useMirror((state) => state.order.length > 0);
  return (
    <section className="home-page">
      <h1>{t('home.welcome')}</h1>
      <p>{t('home.intro')}</p>
      {hasPools ? (
        <p>{t('home.chooseObject')}</p>
      ) : (
        <>
          <p>{t('home.firstStep')}</p>
          <Button variant="primary" onClick={() => navigate(paths.connect())}>
            {t('connect')}
          </Button>
        </>
      )}
    </section>
  );
}
