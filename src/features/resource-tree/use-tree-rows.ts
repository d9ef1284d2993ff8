/**
 * The tree's nodes and visible rows, from the mirror and the tree UI store. The mirror
 * is read through a narrow selector (only the tables the tree draws), and each pool's
 * tree is rebuilt only when one of its own tables changed, so a change in one pool, or
 * in metrics, leaves the other pools' trees as they were; a rebuild reuses every node
 * that did not change (PoolTreeBuilder).
 */
import { useDeferredValue, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type PoolMirror, useMirror } from '../../store/mirror-store';
import { useTreeUi } from '../../store/ui-store';
import { flattenTree, type TreeRow } from './flatten-tree';
import { type PoolSource, PoolTreeBuilder, type TreeNode } from './tree-model';

const sourceOf = (pool: PoolMirror): PoolSource => ({
  poolId: pool.id,
  label: pool.label,
  status: pool.status,
  pool: pool.objects.pool,
  host: pool.objects.host,
  VM: pool.objects.VM,
  SR: pool.objects.SR,
  network: pool.objects.network,
});

const FIELDS = ['poolId', 'label', 'status', 'pool', 'host', 'VM', 'SR', 'network'] as const;
const sameSource = (a: PoolSource, b: PoolSource) => FIELDS.every((field) => a[field] === b[field]);

/** The sources as a flat list of their parts, so useShallow can tell when any of them changed. */
function usePoolSources(): PoolSource[] {
  const parts = useMirror(
    useShallow((state) =>
      state.order.flatMap((id) => {
        const source = sourceOf(state.pools[id]);
        return FIELDS.map((field) => source[field]);
      }),
    ),
  );
  return useMemo(() => {
    const sources: PoolSource[] = [];
    for (let i = 0; i < parts.length; i += FIELDS.length) {
      sources.push(Object.fromEntries(FIELDS.map((field, j) => [field, parts[i + j]])) as unknown as PoolSource);
    }
    return sources;
  }, [parts]);
}

interface Built {
  source: PoolSource;
  showTemplates: boolean;
  showSnapshots: boolean;
  tree: TreeNode;
  builder: PoolTreeBuilder;
}

function useTreeRoots(): TreeNode[] {
  const sources = usePoolSources();
  const showTemplates = useTreeUi((state) => state.showTemplates);
  const showSnapshots = useTreeUi((state) => state.showSnapshots);
  const built = useRef(new Map<string, Built>());
  return useMemo(() => {
    const options = { showTemplates, showSnapshots };
    const next = new Map<string, Built>();
    const roots = sources.map((source) => {
      const previous = built.current.get(source.poolId);
      const unchanged =
        previous &&
        sameSource(previous.source, source) &&
        previous.showTemplates === showTemplates &&
        previous.showSnapshots === showSnapshots;
      const builder = previous?.builder ?? new PoolTreeBuilder();
      const tree = unchanged ? previous.tree : builder.build(source, options);
      next.set(source.poolId, { source, showTemplates, showSnapshots, tree, builder });
      return tree;
    });
    built.current = next;
    return roots;
  }, [sources, showTemplates, showSnapshots]);
}

export function useTreeRows(): { roots: TreeNode[]; rows: TreeRow[] } {
  const roots = useTreeRoots();
  const expansion = useTreeUi((state) => state.expansion);
  // Typing in the filter stays responsive on 5,000 VMs: the rows follow a moment later.
  const filter = useDeferredValue(useTreeUi((state) => state.filter));
  const rows = useMemo(() => flattenTree(roots, expansion, filter), [roots, expansion, filter]);
  return { roots, rows };
}
