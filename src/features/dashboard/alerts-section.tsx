/**
 * The newest alerts (XAPI's `message` objects) about what the dashboard covers. How an
 * alert is shown (and dismissed) is the tasks feature's; src/app passes its row in.
 */
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useMirror } from '../../store/mirror-store';
import { parseXapiDateTime } from '../../xapi/datetime';

const SHOWN = 5;

export type AlertRow = ComponentType<{ poolId: string; messageRef: string }>;

interface Props {
  poolId: string;
  /** The objects whose alerts count (by UUID); undefined for every alert of the pool. */
  objectUuids: ReadonlySet<string> | undefined;
  Alert: AlertRow;
}

export function AlertsSection({ poolId, objectUuids, Alert }: Props) {
  const { t } = useTranslation('dashboard');
  const refs = useMirror(
    useShallow((state) =>
      Object.entries(state.pools[poolId]?.objects.message ?? {})
        .filter(([, message]) => !objectUuids || objectUuids.has(message.obj_uuid))
        .map(([ref, message]) => [ref, parseXapiDateTime(message.timestamp) ?? 0] as const)
        .sort(([, a], [, b]) => b - a)
        .slice(0, SHOWN)
        .map(([ref]) => ref),
    ),
  );
  return (
    <section className="dashboard-section dashboard-alerts" aria-labelledby="dashboard-alerts-title">
      <h2 id="dashboard-alerts-title">{t('alerts.title')}</h2>
      {refs.length === 0 ? (
        <p>{t('alerts.none')}</p>
      ) : (
        <ul className="message-list">
          {refs.map((ref) => (
            <Alert key={ref} poolId={poolId} messageRef={ref} />
          ))}
        </ul>
      )}
    </section>
  );
}
