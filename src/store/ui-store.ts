/**
 * The resource tree's own state: which nodes are selected and which has focus, which
 * are expanded, what is shown and what the filter says. Nodes are named by keys the
 * tree builds (pool id and ref), so the state outlives the rows a filter hides.
 * What a person may want to link to (the object open in the main area) is in the URL.
 */
import { create } from 'zustand';

export interface TreeUiState {
  /** Selected node keys; the last one is where a Shift range starts from (the anchor). */
  selected: readonly string[];
  anchor: string | null;
  /** The node the keyboard acts on (aria-activedescendant). */
  focused: string | null;
  /** Expansion a person chose; nodes not listed keep their default (tree-model.ts). */
  expansion: Readonly<Record<string, boolean>>;
  showTemplates: boolean;
  showSnapshots: boolean;
  filter: string;
}

export const useTreeUi = create<TreeUiState>()(() => ({
  selected: [],
  anchor: null,
  focused: null,
  expansion: {},
  showTemplates: false,
  showSnapshots: false,
  filter: '',
}));

export const treeUi = {
  /** Selects one node alone and focuses it (a click, an arrow key, a deep link). */
  selectOnly(key: string) {
    useTreeUi.setState({ selected: [key], anchor: key, focused: key });
  },

  /** Ctrl+click, Ctrl+Space: adds or removes one node, keeping the rest. */
  toggle(key: string) {
    useTreeUi.setState(({ selected }) => ({
      selected: selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key],
      anchor: key,
      focused: key,
    }));
  },

  /** Shift+click, Shift+arrow: the rows from the anchor to `key`, in the order shown. */
  selectRange(key: string, visibleKeys: readonly string[]) {
    useTreeUi.setState(({ anchor }) => {
      const from = anchor ? visibleKeys.indexOf(anchor) : -1;
      const to = visibleKeys.indexOf(key);
      if (from < 0 || to < 0) return { selected: [key], anchor: key, focused: key };
      const [start, end] = from < to ? [from, to] : [to, from];
      return { selected: visibleKeys.slice(start, end + 1), focused: key };
    });
  },

  /** Ctrl+A: every row shown. */
  selectAll(visibleKeys: readonly string[]) {
    useTreeUi.setState({ selected: visibleKeys });
  },

  focus(key: string) {
    useTreeUi.setState({ focused: key });
  },

  setExpanded(key: string, expanded: boolean) {
    useTreeUi.setState(({ expansion }) => ({ expansion: { ...expansion, [key]: expanded } }));
  },

  /** Opens every node on the way to a node (a deep link to a VM inside a collapsed host). */
  expandAll(keys: readonly string[]) {
    useTreeUi.setState(({ expansion }) => ({
      expansion: { ...expansion, ...Object.fromEntries(keys.map((k) => [k, true])) },
    }));
  },

  setFilter(filter: string) {
    useTreeUi.setState({ filter });
  },

  setShowTemplates(showTemplates: boolean) {
    useTreeUi.setState({ showTemplates });
  },

  setShowSnapshots(showSnapshots: boolean) {
    useTreeUi.setState({ showSnapshots });
  },
};
