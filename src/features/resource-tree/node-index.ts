/** Every node of the tree by key, built once per set of roots, for selections that outlive the visible rows. */
import type { TreeNode } from './tree-model';

const indexes = new WeakMap<readonly TreeNode[], ReadonlyMap<string, TreeNode>>();

export function nodeIndex(roots: readonly TreeNode[]): ReadonlyMap<string, TreeNode> {
  let index = indexes.get(roots);
  if (!index) {
    const map = new Map<string, TreeNode>();
    const add = (node: TreeNode) => {
      map.set(node.key, node);
      node.children.forEach(add);
    };
    roots.forEach(add);
    index = map;
    indexes.set(roots, index);
  }
  return index;
}
