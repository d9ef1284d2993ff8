/** The VMs using the most of something now, most first, each with a meter and its figure. */
import { useTranslation } from 'react-i18next';
import { ObjectLink } from '../../components/object-link';

export interface RankedVm {
  ref: string;
  /** 0–1 of the largest shown, for the meter. */
  share: number;
  text: string;
}

export function TopVms({ poolId, title, vms }: { poolId: string; title: string; vms: readonly RankedVm[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <section className="dashboard-section" aria-label={title}>
      <h2>{title}</h2>
      {vms.length === 0 ? (
        <p>{t('top.none')}</p>
      ) : (
        <ol className="ranked-list">
          {vms.map((vm) => (
            <li key={vm.ref}>
              <ObjectLink poolId={poolId} cls="VM" objectRef={vm.ref} />
              <meter min={0} max={1} value={vm.share} aria-hidden="true" />
              <span>{vm.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
