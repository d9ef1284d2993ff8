import { useTranslation } from 'react-i18next';
import { ObjectLink } from '../../../components/object-link';
import { type ClassTable, changedRefs, useMirror, useRecord, useTable } from '../../../store/mirror-store';
import { NULL_REF } from '../../../xapi/refs';
import { IdentityProperties } from '../shared/identity-properties';
import { Property } from '../shared/property';
import { PropertyList } from '../shared/property-list';

/** Guests only: templates, snapshots and control domains are VMs to XAPI but not to an admin counting. */
interface VmCounts {
  all: number;
  running: number;
}

/**
 * Counted once per VM table (the selector runs on every change to any pool), and from
 * the last table counted where the mirror knows which records a batch touched.
 */
const countsByTable = new WeakMap<ClassTable<'VM'>, VmCounts>();
let lastCounted: ClassTable<'VM'> | undefined;

type VmRecord = ClassTable<'VM'>[string];
const isGuest = (vm: VmRecord | undefined) => !!vm && !vm.is_a_template && !vm.is_a_snapshot && !vm.is_control_domain;
const add = (counts: VmCounts, vm: VmRecord | undefined, sign: 1 | -1) => {
  if (!isGuest(vm)) return;
  counts.all += sign;
  if (vm?.power_state === 'Running') counts.running += sign;
};

function vmCounts(table: ClassTable<'VM'>): VmCounts {
  let counts = countsByTable.get(table);
  if (counts) return counts;
  const last = lastCounted && countsByTable.get(lastCounted);
  const changed = last && changedRefs(lastCounted, table);
  if (last && lastCounted && changed) {
    counts = { ...last };
    for (const ref of changed) {
      add(counts, lastCounted[ref], -1);
      add(counts, table[ref], 1);
    }
  } else {
    counts = { all: 0, running: 0 };
    for (const ref in table) add(counts, table[ref], 1);
  }
  countsByTable.set(table, counts);
  lastCounted = table;
  return counts;
}

function useVmCount(poolId: string, runningOnly: boolean): number {
  return useMirror((state) => {
    const table = state.pools[poolId]?.objects.VM;
    if (!table) return 0;
    const counts = vmCounts(table);
    return runningOnly ? counts.running : counts.all;
  });
}

export function PoolGeneral({ poolId, poolRef }: { poolId: string; poolRef: string }) {
  const pool = useRecord(poolId, 'pool', poolRef);
  const { t } = useTranslation('objectPages');
  const hosts = useTable(poolId, 'host') ?? {};
  const hostRefs = Object.keys(hosts).sort((a, b) => hosts[a].name_label.localeCompare(hosts[b].name_label));
  const total = useVmCount(poolId, false);
  const running = useVmCount(poolId, true);
  if (!pool) return null;
  return (
    <>
      <PropertyList title={t('sections.general')}>
        <IdentityProperties poolId={poolId} cls="pool" objectRef={poolRef} record={pool} />
        <Property label={t('pool.master')}>
          <ObjectLink poolId={poolId} cls="host" objectRef={pool.master} />
        </Property>
        <Property label={t('pool.defaultSr')}>
          {pool.default_SR === NULL_REF ? (
            t('pool.noDefaultSr')
          ) : (
            <ObjectLink poolId={poolId} cls="SR" objectRef={pool.default_SR} />
          )}
        </Property>
        <Property label={t('pool.ha')}>
          {pool.ha_enabled ? t('pool.haEnabled', { count: pool.ha_host_failures_to_tolerate }) : t('pool.haDisabled')}
        </Property>
        <Property label={t('pool.vms')}>{t('pool.vmCounts', { running, total })}</Property>
      </PropertyList>
      <section className="property-section" aria-label={t('pool.hosts')}>
        <h2>{t('pool.hostsCount', { count: hostRefs.length })}</h2>
        <ul className="object-list">
          {hostRefs.map((ref) => (
            <li key={ref}>
              <ObjectLink poolId={poolId} cls="host" objectRef={ref} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
