/** The hosts' CPU and memory use now: bars side by side, and a table with the figures. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatMemory } from '../../components/format/bytes';
import { ObjectLink } from '../../components/object-link';
import { useMirror } from '../../store/mirror-store';
import { HostUsageChart } from './host-usage-chart';
import { formatPercent } from './percent';
import { type HostUsage, pollSecondsFor } from './use-host-usage';

interface Props {
  poolId: string;
  hostRefs: readonly string[];
  usage: HostUsage;
}

export const HostUsageSection = memo(function HostUsageSection({ poolId, hostRefs, usage }: Props) {
  const { t, i18n } = useTranslation('dashboard');
  const names = useMirror(
    useShallow((state) => hostRefs.map((ref) => state.pools[poolId]?.objects.host?.[ref]?.name_label ?? '')),
  );
  const rows = hostRefs.map((ref, i) => {
    const host = usage.hosts[i];
    const memory = host ? host.memoryUsedBytes / host.memoryTotalBytes : Number.NaN;
    return {
      ref,
      name: names[i],
      cpu: host && Number.isFinite(host.cpu) ? host.cpu : null,
      memory: Number.isFinite(memory) ? memory : null,
    };
  });
  return (
    <section className="dashboard-section dashboard-hosts" aria-labelledby="dashboard-hosts-title">
      <h2 id="dashboard-hosts-title">{t('hosts.title')}</h2>
      <div aria-hidden="true">
        <HostUsageChart rows={rows} />
      </div>
      <table className="dashboard-table">
        <caption>{t('hosts.updated', { seconds: pollSecondsFor(hostRefs.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hosts.host')}</th>
            <th scope="col">{t('hosts.cpu')}</th>
            <th scope="col">{t('hosts.memory')}</th>
          </tr>
        </thead>
        <tbody>
          {hostRefs.map((ref, i) => {
            const host = usage.hosts[i];
            return (
              <tr key={ref}>
                <th scope="row">
                  <ObjectLink poolId={poolId} cls="host" objectRef={ref} />
                </th>
                {host ? (
                  <>
                    <td>{formatPercent(host.cpu, i18n.language)}</td>
                    <td>
                      {rows[i].memory === null
                        ? '–'
                        : `${formatPercent(rows[i].memory ?? 0, i18n.language)} (${t('hosts.memoryUsed', {
                            used: formatMemory(host.memoryUsedBytes),
                            total: formatMemory(host.memoryTotalBytes),
                          })})`}
                    </td>
                  </>
                ) : (
                  <td colSpan={2}>{usage.failed[i] ? t('hosts.loadFailed') : t('hosts.noData')}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});
