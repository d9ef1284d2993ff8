import { useTranslation } from 'react-i18next';
import { formatMemory } from '../../../components/format/bytes';
import type { XapiRecord } from '../../../xapi/model/types';

/** A VM's four memory values as they are, for VMs whose memory this tab cannot edit. */
export function MemorySummary({ vm }: { vm: XapiRecord<'VM'> }) {
  const { t } = useTranslation('memory');
  return (
    <dl className="memory-figures">
      <dt>{t('field.staticMin')}</dt>
      <dd>{formatMemory(vm.memory_static_min)}</dd>
      <dt>{t('field.dynamicMin')}</dt>
      <dd>{formatMemory(vm.memory_dynamic_min)}</dd>
      <dt>{t('field.dynamicMax')}</dt>
      <dd>{formatMemory(vm.memory_dynamic_max)}</dd>
      <dt>{t('field.staticMax')}</dt>
      <dd>{formatMemory(vm.memory_static_max)}</dd>
    </dl>
  );
}
