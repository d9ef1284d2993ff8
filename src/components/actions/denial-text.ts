/** A DenialReason in words, from the `actions` namespace. */
import type { TFunction } from 'i18next';
import type { DenialReason } from '../../xapi/rules/verdict';

const KEYS: Record<Exclude<DenialReason['code'], 'power-state' | 'blocked'>, string> = {
  busy: 'reason.busy',
  'no-guest-tools': 'reason.noGuestTools',
  template: 'reason.template',
  snapshot: 'reason.snapshot',
  'control-domain': 'reason.controlDomain',
  immobile: 'reason.immobile',
  'host-offline': 'reason.hostOffline',
  'host-running': 'reason.hostRunning',
  'in-maintenance': 'reason.inMaintenance',
  'not-in-maintenance': 'reason.notInMaintenance',
  'no-power-on-mode': 'reason.noPowerOnMode',
  'not-allowed': 'reason.notAllowed',
};

export function denialText(t: TFunction, reason: DenialReason): string {
  if (reason.code === 'power-state') return t(`reason.powerState.${reason.state}`, { ns: 'actions' });
  if (reason.code === 'blocked') return t('reason.blocked', { ns: 'actions', message: reason.message });
  return t(KEYS[reason.code], { ns: 'actions' });
}
