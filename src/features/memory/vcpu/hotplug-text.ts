/** Why vCPUs cannot change now, in words. */
import type { TFunction } from 'i18next';
import { denialText } from '../../../components/actions/denial-text';
import type { HotplugDenial } from '../../../xapi/rules/vcpus';

export function hotplugDenialText(t: TFunction, reason: HotplugDenial): string {
  if (reason.code === 'licence') return t('vcpu.reason.licence', { ns: 'memory' });
  if (reason.code === 'lacks-hotplug') return t('vcpu.reason.lacksHotplug', { ns: 'memory' });
  return denialText(t, reason);
}
