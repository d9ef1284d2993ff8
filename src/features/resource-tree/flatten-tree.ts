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

/**
 * Whether each node shows under the last query: a node that matches or leads to a
 * match. Kept across flattens while the query stays, so an event batch that replaced
 * a few hundred of 5,000 nodes looks at those alone.
 */
let filterMemo: { query: string; shows: WeakMap<TreeNode, boolean> } = { query: '', shows: new WeakMap() };

function showsUnderFilter(node: TreeNode, query: string): boolean {
  if (filterMemo.query !== query) filterMemo = { query, shows: new WeakMap() };
  let shows = filterMemo.shows.get(node);
  if (shows === undefined) {
    shows = matches(node, query) || node.children.some((child) => showsUnderFilter(child, query));
    filterMemo.shows.set(node, shows);
  }
  return shows;
}

/** The children that show under the filter (a normalised query). */
function visibleChildren(node: TreeNode, query: string): readonly TreeNode[] {
  if (query === '') return node.children;
  return node.children.filter((child) => showsUnderFilter(child, query));
}

/**
 * Each node's row from the last flatten. A row that would come out the same is that
 * same object, so the memoised rows React draws skip re-rendering when an event batch
 * changed other parts of the tree.
 */
const lastRows = new WeakMap<TreeNode, TreeRow>();

function rowFor(node: TreeNode, place: Omit<TreeRow, 'key' | 'poolId' | 'cls' | 'ref' | 'name' | 'uuid'>): TreeRow {
  const last = lastRows.get(node);
  if (
    last &&
    last.level === place.level &&
    last.setSize === place.setSize &&
    last.posInSet === place.posInSet &&
    last.parentKey === place.parentKey &&
    last.expandable === place.expandable &&
    last.expanded === place.expanded
  ) {
    return last;
  }
  const row = {
    key: node.key,
    poolId: node.poolId,
    cls: node.cls,
    ref: node.ref,
    name: node.name,
    uuid: node.uuid,
    ...place,
  };
  lastRows.set(node, row);
  return row;
}

export function flattenTree(
  roots: readonly TreeNode[],
  expansion: Readonly<Record<string, boolean>>,
  filter: string,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const query = normalise(filter);
  const filtering = query !== '';
  const visit = (nodes: readonly TreeNode[], level: number, parentKey: string | null) => {
    nodes.forEach((node, index) => {
      const children = visibleChildren(node, query);
      const expandable = children.length > 0;
      const expanded = expandable && (filtering || (expansion[node.key] ?? expandedByDefault(node)));
      rows.push(rowFor(node, { level, setSize: nodes.length, posInSet: index + 1, parentKey, expandable, expanded }));
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
