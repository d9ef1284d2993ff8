import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { useFormatDate } from '../../components/format/use-format-date';
import { getConnection } from '../../store/connections';
import { useRecord } from '../../store/mirror-store';
import { parseXapiDateTime } from '../../xapi/datetime';
import type { Ref } from '../../xapi/model/types';
import { MessageObject } from './message-object';

/** One alert: how serious, what, about which object, when, and XAPI's own text. */
export function MessageRow({ poolId, messageRef }: { poolId: string; messageRef: string }) {
  const { t } = useTranslation('tasks');
  const formatDate = useFormatDate();
  const message = useRecord(poolId, 'message', messageRef);
  const dismiss = useMutation({
    mutationFn: () => getConnection(poolId).call('message.destroy', messageRef as Ref<'message'>),
  });
  if (!message) return null;
  const title = t(`alerts.${message.name}`, { defaultValue: message.name });
  const at = parseXapiDateTime(message.timestamp);
  return (
    <li className={`message priority-${message.priority}`} aria-label={title}>
      <span className="message-priority">
        {t(`priority.${message.priority}`, { defaultValue: String(message.priority) })}
      </span>
      <span className="message-name">{title}</span>
      <span className="message-object">
        <MessageObject poolId={poolId} cls={message.cls} uuid={message.obj_uuid} />
      </span>
      {at !== undefined && <time dateTime={new Date(at).toISOString()}>{formatDate(at)}</time>}
      <p className="message-body">{message.body}</p>
      <button
        type="button"
        className="message-dismiss"
        aria-label={t('messages.dismissNamed', { name: title })}
        disabled={dismiss.isPending}
        onClick={() => dismiss.mutate()}
      >
        {t('messages.dismiss')}
      </button>
      {dismiss.error && (
        <div role="alert">
          <XapiErrorText error={dismiss.error} />
        </div>
      )}
    </li>
  );
}
