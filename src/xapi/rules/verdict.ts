/**
 * Whether an action may run now and, when not, why: a reason code the UI turns into
 * words ("The VM is running"), so a disabled button or menu item can say why.
 */
import type { XapiEnum } from '../model/types';

export type PowerState = XapiEnum<'vm_power_state'>;

export type DenialReason =
  /** The VM is in a power state the operation does not start from. */
  | { code: 'power-state'; state: PowerState }
  /** Another operation on the object is in progress and this one cannot overlap it. */
  | { code: 'busy' }
  /** A live guest without tools (PV drivers) cannot be asked to shut down, reboot or suspend. */
  | { code: 'no-guest-tools' }
  | { code: 'template' }
  | { code: 'snapshot' }
  | { code: 'control-domain' }
  /** Someone blocked the operation on purpose (blocked_operations), with their reason. */
  | { code: 'blocked'; message: string }
  /** The VM cannot leave its host or be suspended (nomigrate, nested virtualisation, devices). */
  | { code: 'immobile' }
  | { code: 'host-offline' }
  | { code: 'host-running' }
  | { code: 'in-maintenance' }
  | { code: 'not-in-maintenance' }
  | { code: 'no-power-on-mode' }
  /** XAPI does not offer it and none of the reasons above explains why. */
  | { code: 'not-allowed' };

export type Verdict = { enabled: true } | { enabled: false; reason: DenialReason };

export const ALLOWED: Verdict = { enabled: true };

export const denied = (reason: DenialReason): Verdict => ({ enabled: false, reason });
