/**
 * Keeps the tree on the object the address shows: on a deep link (or back and
 * forward) the tree selects that object once it has arrived, opens the way to it and
 * scrolls it into view. Each address is followed once, so a selection the person
 * makes afterwards is theirs.
 */
import { useEffect, useRef } from 'react';
import { useRoute } from '../../app/routes';
import { treeUi, useTreeUi } from '../../store/ui-store';
import { pathTo } from './flatten-tree';
import type { TreeNode } from './tree-model';

export function useRouteSelection(roots: readonly TreeNode[], reveal: (key: string) => void): void {
  const route = useRoute();
  const target = route.name === 'object' ? `${route.poolId} ${route.uuid}` : null;
  const followed = useRef<string | null>(null);
  useEffect(() => {
    if (route.name !== 'object' || followed.current === target) return;
    const path = pathTo(roots, (node) => node.poolId === route.poolId && node.uuid === route.uuid);
    if (!path) return;
    followed.current = target;
    const node = path[path.length - 1];
    if (!useTreeUi.getState().selected.includes(node.key)) treeUi.selectOnly(node.key);
    treeUi.expandAll(path.slice(0, -1).map((ancestor) => ancestor.key));
    reveal(node.key);
  }, [roots, route, target, reveal]);
}
