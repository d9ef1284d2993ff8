/** How full each storage repository is. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatSize } from '../../components/format/bytes';
import { ObjectLink } from '../../components/object-link';
import { useMirror } from '../../store/mirror-store';

export function StorageSection({ poolId, srRefs }: { poolId: string; srRefs: readonly string[] }) {
  const { t } = useTranslation('dashboard');
  const figures = useMirror(
    useShallow((state) =>
      srRefs.map((ref) => {
        const sr = state.pools[poolId]?.objects.SR?.[ref];
        return `${sr?.physical_utilisation ?? 0} ${sr?.physical_size ?? 0}`;
      }),
    ),
  );
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-storage-title">
      <h2 id="dashboard-storage-title">{t('storage.title')}</h2>
      {srRefs.length === 0 ? (
        <p>{t('storage.none')}</p>
      ) : (
        <ul className="ranked-list">
          {srRefs.map((ref, i) => {
            const [used, size] = figures[i].split(' ').map(Number);
            const text = t('storage.usedOf', { used: formatSize(used), size: formatSize(size) });
            return (
              <li key={ref}>
                <ObjectLink poolId={poolId} cls="SR" objectRef={ref} />
                <meter min={0} max={size} value={used} high={size * 0.9} aria-hidden="true" />
                <span>{text}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
