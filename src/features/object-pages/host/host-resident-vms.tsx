import { useTranslation } from 'react-i18next';
import { ObjectLink } from '../../../components/object-link';
import { useMirror } from '../../../store/mirror-store';

/** The guests running on the host, by name; its control domain is not one of them. */
function useResidentGuests(poolId: string, residentRefs: readonly string[]): string {
  // A joined string keeps the selection stable while names and states change elsewhere.
  return useMirror((state) => {
    const vms = state.pools[poolId]?.objects.VM;
    return residentRefs
      .filter((ref) => vms?.[ref] && !vms[ref].is_control_domain)
      .sort((a, b) => (vms?.[a].name_label ?? '').localeCompare(vms?.[b].name_label ?? ''))
      .join(' ');
  });
}

export function HostResidentVms({ poolId, residentRefs }: { poolId: string; residentRefs: readonly string[] }) {
  const { t } = useTranslation('objectPages');
  const guests = useResidentGuests(poolId, residentRefs);
  const refs = guests ? guests.split(' ') : [];
  return (
    <section className="property-section" aria-label={t('host.residentVms')}>
      <h2>{t('host.residentVms')}</h2>
      {refs.length === 0 ? (
        <p>{t('host.noResidentVms')}</p>
      ) : (
        <ul className="object-list">
          {refs.map((ref) => (
            <li key={ref}>
              <ObjectLink poolId={poolId} cls="VM" objectRef={ref} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
