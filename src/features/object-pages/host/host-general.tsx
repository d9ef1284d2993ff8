import { useTranslation } from 'react-i18next';
import { useMirror, useRecord } from '../../../store/mirror-store';
import { NULL_REF } from '../../../xapi/refs';
import { IdentityProperties } from '../shared/identity-properties';
import { Property } from '../shared/property';
import { PropertyList } from '../shared/property-list';
import { HostCpus } from './host-cpus';
import { HostMemory } from './host-memory';
import { HostResidentVms } from './host-resident-vms';
import { hostState } from './host-state';
import { HostUptime } from './host-uptime';

function productVersion(software: Record<string, string>): string {
  const product = [software.product_brand, software.product_version_text_short ?? software.product_version];
  const build = software.build_number ? ` (${software.build_number})` : '';
  return `${product.filter(Boolean).join(' ')}${build}`;
}

export function HostGeneral({ poolId, hostRef }: { poolId: string; hostRef: string }) {
  const host = useRecord(poolId, 'host', hostRef);
  const { t } = useTranslation('objectPages');
  const metrics = useRecord(poolId, 'host_metrics', host?.metrics ?? NULL_REF);
  const isMaster = useMirror((state) => Object.values(state.pools[poolId]?.objects.pool ?? {})[0]?.master === hostRef);
  if (!host) return null;
  const software = host.software_version;
  return (
    <>
      <PropertyList title={t('sections.general')}>
        <IdentityProperties poolId={poolId} cls="host" objectRef={hostRef} record={host} />
        <Property label={t('host.state')}>{t(`hostState.${hostState(host, metrics)}`)}</Property>
        <Property label={t('host.role')}>{t(isMaster ? 'host.master' : 'host.member')}</Property>
        <Property label={t('host.address')}>{host.address}</Property>
        <Property label={t('host.hostname')}>{host.hostname}</Property>
        <HostUptime poolId={poolId} host={host} />
        <Property label={t('host.product')}>{productVersion(software)}</Property>
        <Property label={t('host.xapiVersion')}>
          {t('host.apiVersion', {
            api: `${host.API_version_major}.${host.API_version_minor}`,
            xapi: software.xapi ?? '?',
          })}
        </Property>
      </PropertyList>
      <HostCpus host={host} />
      <HostMemory poolId={poolId} hostRef={hostRef} host={host} />
      <HostResidentVms poolId={poolId} residentRefs={host.resident_VMs} />
    </>
  );
}
