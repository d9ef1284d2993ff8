/** How many of the dashboard's VMs are in each power state. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { PowerStateIcon } from '../../components/power-state-icon';
import { useMirror } from '../../store/mirror-store';
import type { XapiEnum } from '../../xapi/model/types';

const STATES: readonly XapiEnum<'vm_power_state'>[] = ['Running', 'Paused', 'Suspended', 'Halted'];

export function PowerStateSection({ poolId, vmRefs }: { poolId: string; vmRefs: readonly string[] }) {
  const { t } = useTranslation('dashboard');
  const { t: tActions } = useTranslation('actions');
  const counts = useMirror(
    useShallow((state) => {
      const vms = state.pools[poolId]?.objects.VM;
      return STATES.map((powerState) => vmRefs.filter((ref) => vms?.[ref]?.power_state === powerState).length);
    }),
  );
  const total = Math.max(1, vmRefs.length);
  return (
    <section className="dashboard-section" aria-labelledby="dashboard-power-title">
      <h2 id="dashboard-power-title">{t('power.title')}</h2>
      <ul className="ranked-list">
        {STATES.map((powerState, i) => (
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
