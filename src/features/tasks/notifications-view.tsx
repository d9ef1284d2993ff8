import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { getConnection } from '../../store/connections';
import { useMirror } from '../../store/mirror-store';
import type { Ref } from '../../xapi/model/types';
import { MessageRow } from './message-row';
import { useMessageRefs, useNotificationCount } from './use-message-refs';
import './tasks.css';

/** Every pool's alerts (XAPI's `message` class), newest first, each dismissible. */
export function NotificationsView() {
  const { t } = useTranslation('tasks');
  const order = useMirror((state) => state.order);
  const count = useNotificationCount();
  return (
    <section className="notifications" aria-labelledby="notifications-title">
      <h2 id="notifications-title">
        {t('messages.title')} <span className="badge">{count}</span>
      </h2>
      {count === 0 ? (
        <p>{t('messages.empty')}</p>
      ) : (
        order.map((poolId) => <PoolMessages key={poolId} poolId={poolId} showPool={order.length > 1} />)
      )}
    </section>
  );
}

function PoolMessages({ poolId, showPool }: { poolId: string; showPool: boolean }) {
  const { t } = useTranslation('tasks');
  const refs = useMessageRefs(poolId);
  const label = useMirror((state) => state.pools[poolId]?.label);
  const dismissAll = useMutation({
    mutationFn: () => getConnection(poolId).call('message.destroy_many', refs as Ref<'message'>[]),
  });
  if (refs.length === 0) return null;
  return (
    <section aria-label={label}>
      {showPool && <h3>{label}</h3>}
      <button type="button" disabled={dismissAll.isPending} onClick={() => dismissAll.mutate()}>
        {t('messages.dismissAll', { count: refs.length })}
      </button>
      {dismissAll.error && (
        <div role="alert">
          <XapiErrorText error={dismissAll.error} />
        </div>
      )}
      <ul className="message-list">
        {refs.map((ref) => (
          <MessageRow key={ref} poolId={poolId} messageRef={ref} />
        ))}
      </ul>
    </section>
  );
}
