/**
 * What the context menu offers for the nodes selected: the VM actions for VMs
 * (templates and snapshots included, whose rules say what they refuse), the host
 * actions for one host, and connection commands for a pool. A selection of VMs with
 * the hosts and pools around them (a filter, then Ctrl+A) acts on its VMs. Storage
 * and networks have no menu yet.
 */
import type { TFunction } from 'i18next';
import { navigate, parseRoute, paths } from '../../app/routes';
import type { ActionMenuItem } from '../../components/action-menu';
import { actionMenuItems } from '../../components/actions/action-menu-items';
import type { ActionTarget, ObjectAction } from '../../queries/actions/action';
import { hostActions } from '../../queries/actions/host-actions';
import { vmActions } from '../../queries/actions/vm-actions';
import { disconnectPool, targetOf } from '../../store/connections';
import { useMirror } from '../../store/mirror-store';
import type { TreeNode } from './tree-model';

type Launch = (action: ObjectAction, targets: readonly ActionTarget[]) => void;

/** Menu items other features offer for the VMs selected (composed in src/app, as "Edit memory…"). */
export type ExtraVmMenuItems = (t: TFunction, targets: readonly ActionTarget[]) => ActionMenuItem[];

const objectsOf = (poolId: string) => useMirror.getState().pools[poolId]?.objects ?? {};
const isVm = (node: TreeNode) => node.cls === 'VM' || node.cls === 'template' || node.cls === 'snapshot';

function poolItems(t: TFunction, node: TreeNode): ActionMenuItem[] {
  const status = useMirror.getState().pools[node.poolId]?.status;
  const disconnect: ActionMenuItem = {
    id: 'disconnect',
    label: t('menu.disconnect'),
    onSelect: () => {
      // The page open may belong to the pool going away: leave it first.
      const route = parseRoute(window.location.pathname);
      if (route.name === 'object' && route.poolId === node.poolId) navigate(paths.home());
      void disconnectPool(node.poolId);
    },
  };
  if (status !== 'disconnected') return [disconnect];
  const target = targetOf(node.poolId);
  const prefill =
    target?.kind === 'simulator' ? { scenario: target.scenario } : { address: target?.address ?? node.poolId };
  return [
    { id: 'reconnect', label: t('menu.reconnect'), onSelect: () => navigate(paths.connect(prefill)) },
    { ...disconnect, label: t('menu.remove') },
  ];
}

const isContainer = (node: TreeNode) => node.cls === 'pool' || node.cls === 'host';
const targetOfNode = (node: TreeNode): ActionTarget => ({ poolId: node.poolId, ref: node.ref });

export function treeMenuItems(
  t: TFunction,
  nodes: readonly TreeNode[],
  launch: Launch,
  extraVmItems?: ExtraVmMenuItems,
): ActionMenuItem[] {
  const vms = nodes.filter(isVm);
  if (vms.length > 0) {
    const onlyVmsAndContainers = nodes.every((node) => isVm(node) || isContainer(node));
    if (!onlyVmsAndContainers) return [];
    const targets = vms.map(targetOfNode);
    return [...actionMenuItems(t, vmActions, targets, objectsOf, launch), ...(extraVmItems?.(t, targets) ?? [])];
  }
  if (nodes.length !== 1) return [];
  const targets = nodes.map(targetOfNode);
  const [node] = nodes;
  if (node.cls === 'host') return actionMenuItems(t, hostActions, targets, objectsOf, launch);
  if (node.cls === 'pool') return poolItems(t, node);
  return [];
}
