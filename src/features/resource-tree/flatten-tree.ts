/**
 * The rows a tree shows, in order, for virtualised rendering: every node whose
 * ancestors are expanded, with the level, set size and position ARIA asks for. With
 * a filter, only matching nodes and their ancestors show, the ancestors opened so
 * the matches can be seen whatever was collapsed.
 */
import type { ObjectClass } from '../../app/routes';
import type { TreeNode } from './tree-model';

export interface TreeRow {
  key: string;
  poolId: string;
  cls: ObjectClass;
  ref: string;
  name: string;
  /** For the object's address; empty for a pool whose objects have not arrived. */
  uuid: string;
  /** 1 for a pool (aria-level counts from 1). */
  level: number;
  setSize: number;
  posInSet: number;
  parentKey: string | null;
  /** Has children it could show (under the current filter). */
  expandable: boolean;
  expanded: boolean;
}

/** Pools and hosts start open, as in XenCenter; a VM's snapshots start folded away. */
export const expandedByDefault = (node: TreeNode) => node.cls === 'pool' || node.cls === 'host';

const normalise = (filter: string) => filter.trim().toLowerCase();

/** Name, tags and UUID, case-insensitively; an empty filter matches everything. */
export const matchesFilter = (node: TreeNode, filter: string) => matches(node, normalise(filter));

const matches = (node: TreeNode, query: string) => query === '' || node.search.includes(query);

/** The children that show under the filter (a normalised query): those that match or lead to a match. */
function visibleChildren(node: TreeNode, query: string, memo: Map<TreeNode, boolean>): readonly TreeNode[] {
  if (query === '') return node.children;
  return node.children.filter((child) => showsUnderFilter(child, query, memo));
}

function showsUnderFilter(node: TreeNode, query: string, memo: Map<TreeNode, boolean>): boolean {
  let shows = memo.get(node);
  if (shows === undefined) {
    shows = matches(node, query) || node.children.some((child) => showsUnderFilter(child, query, memo));
    memo.set(node, shows);
  }
  return shows;
}

export function flattenTree(
  roots: readonly TreeNode[],
  expansion: Readonly<Record<string, boolean>>,
  filter: string,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const memo = new Map<TreeNode, boolean>();
  const query = normalise(filter);
  const filtering = query !== '';
  const visit = (nodes: readonly TreeNode[], level: number, parentKey: string | null) => {
    nodes.forEach((node, index) => {
      const children = visibleChildren(node, query, memo);
      const expandable = children.length > 0;
      const expanded = expandable && (filtering || (expansion[node.key] ?? expandedByDefault(node)));
      rows.push({
        key: node.key,
        poolId: node.poolId,
        cls: node.cls,
        ref: node.ref,
        name: node.name,
        uuid: node.uuid,
        level,
        setSize: nodes.length,
        posInSet: index + 1,
        parentKey,
        expandable,
        expanded,
      });
      if (expanded) visit(children, level + 1, node.key);
    });
  };
  // A pool stays in the tree even when nothing in it matches: it is where its matches would be.
  visit(roots, 1, null);
  return rows;
}

/** The nodes from a root down to the first node that `isTarget` picks, or undefined. */
export function pathTo(roots: readonly TreeNode[], isTarget: (node: TreeNode) => boolean): TreeNode[] | undefined {
  for (const root of roots) {
    if (isTarget(root)) return [root];
    const below = pathTo(root.children, isTarget);
    if (below) return [root, ...below];
  }
  return undefined;
}
