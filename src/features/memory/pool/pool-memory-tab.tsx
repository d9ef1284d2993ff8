import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ObjectLink } from '../../../components/object-link';
import { useMirror } from '../../../store/mirror-store';
import { HostMemoryPanel } from '../host/host-memory-panel';

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Every host's ref and name, by name; re-renders only when hosts come, go or are renamed. */
function useHosts(poolId: string): readonly string[] {
  return useMirror(
    useShallow((state) => {
      const hosts = state.pools[poolId]?.objects.host ?? {};
      return Object.keys(hosts)
        .sort((a, b) => byName.compare(hosts[a].name_label, hosts[b].name_label))
        .flatMap((ref) => [ref, hosts[ref].name_label]);
    }),
  );
}

/** The pool's Memory tab: every host's memory bar and figures, one under the other. */
export function PoolMemoryTab({ poolId }: { poolId: string }) {
  const { t } = useTranslation('memory');
  const hosts = useHosts(poolId);
  const rows: { ref: string; name: string }[] = [];
  for (let i = 0; i < hosts.length; i += 2) rows.push({ ref: hosts[i], name: hosts[i + 1] });
  return (
    <div className="memory-tab">
      <h2>{t('pool.heading')}</h2>
      {rows.map(({ ref, name }) => (
        <section key={ref} className="memory-pool-host" aria-label={name}>
          <h3>
            <ObjectLink poolId={poolId} cls="host" objectRef={ref} />
          </h3>
          <HostMemoryPanel poolId={poolId} hostRef={ref} hostName={name} />
        </section>
      ))}
    </div>
  );
}
