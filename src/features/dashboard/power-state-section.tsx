/** How many of the dashboard's VMs are in each power state. */
import { useTranslation } from 'react-i18next';
import { PowerStateIcon } from '../../components/power-state-icon';
import { useMirror } from '../../store/mirror-store';
import { POWER_STATES, powerStateCounts } from './power-state-counts';

export function PowerStateSection({ poolId, vmRefs }: { poolId: string; vmRefs: readonly string[] }) {
  const { t } = useTranslation('dashboard');
  const { t: tActions } = useTranslation('actions');
  const counts = useMirror((state) => powerStateCounts(state.pools[poolId]?.objects.VM, vmRefs));
  const total = Math.max(1, vmRefs.length);
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-power-title">
      <h2 id="dashboard-power-title">{t('power.title')}</h2>
      <ul className="ranked-list">
        {POWER_STATES.map((powerState, i) => (
          <li
            key={powerState}
            aria-label={`${tActions(`powerState.${powerState}`)}: ${t('power.count', { count: counts[i] })}`}
          >
            <span>
              <PowerStateIcon state={powerState} /> {tActions(`powerState.${powerState}`)}
            </span>
            <meter min={0} max={total} value={counts[i]} aria-hidden="true" />
            <span>{t('power.count', { count: counts[i] })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
