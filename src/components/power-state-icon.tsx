import { useTranslation } from 'react-i18next';
import type { XapiEnum } from '../xapi/model/types';

type PowerState = XapiEnum<'vm_power_state'>;

/** XenCenter's colours and shapes: a green play sign, a red stop square, amber pause bars, a blue moon. */
const SHAPES: Record<PowerState, { className: string; path: string }> = {
  Running: { className: 'power-running', path: 'M5 3.5v9l8-4.5z' },
  Halted: { className: 'power-halted', path: 'M4 4h8v8H4z' },
  Paused: { className: 'power-paused', path: 'M4 3.5h3v9H4zM9 3.5h3v9H9z' },
  Suspended: { className: 'power-suspended', path: 'M10.5 2.5a6 6 0 1 0 3 10.5 5 5 0 0 1-3-10.5z' },
};

/** A VM's power state as a small icon whose accessible name (and tooltip) is the state in words. */
export function PowerStateIcon({ state }: { state: PowerState }) {
  const { t } = useTranslation('actions');
  const label = t(`powerState.${state}`);
  const { className, path } = SHAPES[state];
  return (
    <svg
      role="img"
      aria-label={label}
      className={`icon power-icon ${className}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
    >
      <title>{label}</title>
      <path d={path} />
    </svg>
  );
}
