/**
 * "Edit memory…" for the VMs selected in the tree: offered whenever VMs are selected,
 * enabled when they share a pool and their memory settings, and opening the bulk
 * editor (bulk-memory-dialog.tsx) for them. src/app hands this to the resource tree.
 */
import type { TFunction } from 'i18next';
import type { ActionMenuItem } from '../../../components/action-menu';
import type { ActionTarget } from '../../../queries/actions/action';
import { useMirror } from '../../../store/mirror-store';
import { bulkMembers } from './bulk-members';
import { bulkMemory } from './bulk-memory-store';
import { bulkProblemText } from './bulk-problem-text';

export function memoryMenuItems(t: TFunction, targets: readonly ActionTarget[]): ActionMenuItem[] {
  const pools = new Set(targets.map((target) => target.poolId));
  const [poolId] = pools;
  const refs = targets.map((target) => target.ref);
  let disabledReason: string | undefined;
  if (pools.size > 1) disabledReason = bulkProblemText(t, { code: 'several-pools' });
  else {
    const verdict = bulkMembers(useMirror.getState().pools[poolId]?.objects, refs);
    if (!verdict.ok) disabledReason = bulkProblemText(t, verdict.problem);
  }
  return [
    {
      id: 'editMemory',
      label: t('bulk.menuItem', { ns: 'memory' }),
      disabledReason,
      separatorBefore: true,
      onSelect: () => bulkMemory.open({ poolId, refs }),
    },
  ];
}
