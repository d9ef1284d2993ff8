import { useTranslation } from 'react-i18next';
import type { XapiRecord } from '../../../xapi/model/types';
import { Property } from '../shared/property';
import { PropertyList } from '../shared/property-list';

/**
 * The host's processors from cpu_info. cpu_count counts logical CPUs (threads); newer
 * XAPI adds cores_per_socket and threads_per_core, shown when present.
 */
export function HostCpus({ host }: { host: XapiRecord<'host'> }) {
  const { t } = useTranslation('objectPages');
  const info = host.cpu_info;
  const speedMHz = Math.round(Number(info.speed));
  return (
    <PropertyList title={t('sections.cpus')}>
      {info.socket_count && <Property label={t('host.sockets')}>{info.socket_count}</Property>}
      {info.cores_per_socket && <Property label={t('host.coresPerSocket')}>{info.cores_per_socket}</Property>}
      {info.threads_per_core && <Property label={t('host.threadsPerCore')}>{info.threads_per_core}</Property>}
      {info.cpu_count && <Property label={t('host.logicalCpus')}>{info.cpu_count}</Property>}
      {info.modelname && <Property label={t('host.cpuModel')}>{info.modelname}</Property>}
      {speedMHz > 0 && <Property label={t('host.cpuSpeed')}>{t('host.mhz', { speed: speedMHz })}</Property>}
    </PropertyList>
  );
}
