import { useTranslation } from 'react-i18next';
import { useNotificationCount } from './use-message-refs';

/** The number of alerts, for the shell to put beside its way into the notifications view. */
export function NotificationCount() {
  const { t } = useTranslation('tasks');
  const count = useNotificationCount();
  if (count === 0) return null;
  return (
    <span className="badge" role="status" aria-label={t('messages.count', { count })}>
      {count}
    </span>
  );
}
