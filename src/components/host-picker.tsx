import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePossibleHosts } from '../queries/use-possible-hosts';
import { useTable } from '../store/mirror-store';
import { XapiErrorText } from './errors/xapi-error-text';
import { formatMemory } from './format/bytes';

export interface HostPickerProps {
  poolId: string;
  /** The VMs to place; a host is offered when XAPI says it can run every one of them. */
  vmRefs: readonly string[];
  /** Migration also rules out the host a VM already runs on. */
  purpose: 'start' | 'migrate';
  value: string | undefined;
  onChange: (hostRef: string) => void;
}

/**
 * The pool's hosts as radio buttons, each with its free memory; hosts that cannot
 * take the VMs now (VM.get_possible_hosts) are shown disabled with the reason.
 */
export function HostPicker({ poolId, vmRefs, purpose, value, onChange }: HostPickerProps) {
  const { t } = useTranslation('actions');
  const name = useId();
  const hosts = useTable(poolId, 'host') ?? {};
  const metrics = useTable(poolId, 'host_metrics') ?? {};
  const vms = useTable(poolId, 'VM') ?? {};
  const { byVm, error } = usePossibleHosts(poolId, vmRefs);

  if (error) return <XapiErrorText error={error} />;
  if (!byVm) return <p className="muted">{t('hostPicker.checking')}</p>;

  const many = vmRefs.length > 1;
  const reasonAgainst = (hostRef: string): string | undefined => {
    if (purpose === 'migrate' && vmRefs.some((vm) => vms[vm]?.resident_on === hostRef)) {
      return t(many ? 'hostPicker.alreadyThereMany' : 'hostPicker.alreadyThere');
    }
    if (vmRefs.some((vm) => !byVm.get(vm)?.has(hostRef))) {
      return t(many ? 'hostPicker.cannotRunMany' : 'hostPicker.cannotRun');
    }
    return undefined;
  };
  const options = Object.entries(hosts)
    .map(([ref, host]) => ({ ref, host, reason: reasonAgainst(ref), free: metrics[host.metrics]?.memory_free }))
    .sort((a, b) => a.host.name_label.localeCompare(b.host.name_label));

  return (
    <fieldset className="host-picker">
      <legend>{t('hostPicker.legend')}</legend>
      {options.map(({ ref, host, reason, free }) => (
        <label key={ref} className={reason ? 'host-option unavailable' : 'host-option'}>
          <input
            type="radio"
            name={name}
            value={ref}
            checked={value === ref}
            disabled={reason !== undefined}
            onChange={() => onChange(ref)}
          />
          <span className="host-option-name">{host.name_label}</span>
          {free !== undefined && (
            <span className="host-option-detail">{t('hostPicker.free', { memory: formatMemory(free) })}</span>
          )}
          {reason && <span className="host-option-reason">{reason}</span>}
        </label>
      ))}
    </fieldset>
  );
}
