/** Top VMs by CPU and by memory, from the hosts' replies, among the VMs the dashboard covers. */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMemory } from '../../components/format/bytes';
import { useMirror } from '../../store/mirror-store';
import { uuidIndex } from '../../store/uuid-index';
import { topBy, type VmFigures } from './host-figures';
import { formatPercent } from './percent';
import { TopVms } from './top-vms';

const SHOWN = 5;

interface Props {
  poolId: string;
  vmRefs: readonly string[];
  vms: readonly VmFigures[];
}

export const TopVmsSection = memo(function TopVmsSection({ poolId, vmRefs, vms }: Props) {
  const { t, i18n } = useTranslation('dashboard');
  const table = useMirror((state) => state.pools[poolId]?.objects.VM);
  const { byCpu, byMemory } = useMemo(() => {
    const inScope = new Set(vmRefs);
    const byUuid = table ? uuidIndex(table) : new Map<string, string>();
    // Control domains and VMs outside the scope are in the replies too: only the scope's count.
    const ranked = vms.flatMap((vm) => {
      const ref = byUuid.get(vm.uuid);
      return ref && inScope.has(ref) ? [{ ...vm, ref }] : [];
    });
    return { byCpu: topBy(ranked, (vm) => vm.cpu, SHOWN), byMemory: topBy(ranked, (vm) => vm.memoryBytes, SHOWN) };
  }, [table, vmRefs, vms]);
  const largestMemory = byMemory[0]?.memoryBytes ?? 1;
  return (
    <div className="dashboard-pair">
      <TopVms
        poolId={poolId}
        title={t('top.cpu')}
        vms={byCpu.map((vm) => ({ ref: vm.ref, share: vm.cpu, text: formatPercent(vm.cpu, i18n.language) }))}
      />
      <TopVms
        poolId={poolId}
        title={t('top.memory')}
        vms={byMemory.map((vm) => ({
          ref: vm.ref,
          share: vm.memoryBytes / largestMemory,
          text: formatMemory(vm.memoryBytes),
        }))}
      />
    </div>
  );
});
