import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths, useRoute } from '../../app/routes';
import { ActionMenu, type ActionMenuItem } from '../../components/action-menu';
import { useActionLauncher } from '../../components/actions/use-action-launcher';
import { treeUi, useTreeUi } from '../../store/ui-store';
import type { TreeRow } from './flatten-tree';
import { nodeIndex } from './node-index';
import { type TreeCommand, treeCommand } from './tree-keys';
import { type ExtraVmMenuItems, treeMenuItems } from './tree-menu-items';
import { ROW_HEIGHT_PX, TreeRowView } from './tree-row';
import { useRouteSelection } from './use-route-selection';
import { useTreeRows } from './use-tree-rows';
import { useTypeAhead } from './use-type-ahead';

interface OpenMenu {
  items: ActionMenuItem[];
  label: string;
  position: { x: number; y: number };
}

/** DOM ids may not hold spaces; keys hold a pool id (an address) and a ref. */
const rowId = (treeId: string, key: string) => `${treeId}-${key.replace(/\s/g, '_')}`;

/**
 * The resource tree (WAI-ARIA tree, multi-select): every connected pool with its
 * hosts, VMs, storage and networks, virtualised so 5,000 VMs scroll smoothly. The
 * tree holds focus and points at the active row with aria-activedescendant, so rows
 * can come and go as they scroll. Selecting one object opens its page.
 */
export function ResourceTree({ extraVmItems }: { extraVmItems?: ExtraVmMenuItems }) {
  const { t } = useTranslation('tree');
  const treeId = useId();
  const { roots, rows } = useTreeRows();
  const selected = useTreeUi((state) => state.selected);
  const focused = useTreeUi((state) => state.focused);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const route = useRoute();
  const { launch, dialog } = useActionLauncher();
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [revealKey, setRevealKey] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 12,
    getItemKey: (index) => rows[index].key,
  });

  // Scroll a row into view once it is among the rows (after its ancestors opened).
  useEffect(() => {
    if (!revealKey) return;
    const index = rows.findIndex((row) => row.key === revealKey);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setRevealKey(null);
  }, [revealKey, rows, virtualizer]);

  useRouteSelection(roots, setRevealKey);

  /** Opens a node's page, keeping the tab when moving between objects of one kind (as XenCenter does). */
  const open = (row: TreeRow) => {
    if (!row.uuid) return;
    const tab = route.name === 'object' && route.cls === row.cls ? route.tab : undefined;
    navigate(paths.object(row.poolId, row.cls, row.uuid, tab));
  };

  const openMenu = (position: { x: number; y: number }) => {
    const index = nodeIndex(roots);
    // A pool not loaded (or disconnected) has no ref yet, but still its connection commands.
    const nodes = useTreeUi.getState().selected.flatMap((key) => index.get(key) ?? []);
    const items = treeMenuItems(t, nodes, launch, extraVmItems);
    if (items.length === 0) return;
    const label = nodes.length === 1 ? nodes[0].name : t('menu.selection', { count: nodes.length });
    setMenu({ items, label, position });
  };

  // The rows' handlers stay the same functions across renders (reading the latest
  // state through this ref), so memoised rows are not re-rendered by every batch.
  const latest = useRef({ rows, open, openMenu });
  latest.current = { rows, open, openMenu };

  const onRowClick = useCallback((row: TreeRow, event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey) treeUi.toggle(row.key);
    else if (event.shiftKey)
      treeUi.selectRange(
        row.key,
        latest.current.rows.map((r) => r.key),
      );
    else {
      treeUi.selectOnly(row.key);
      latest.current.open(row);
    }
  }, []);

  const onRowContextMenu = useCallback((row: TreeRow, event: MouseEvent) => {
    event.preventDefault();
    // Right-clicking outside the selection acts on that node alone, as in XenCenter.
    if (!useTreeUi.getState().selected.includes(row.key)) {
      treeUi.selectOnly(row.key);
      latest.current.open(row);
    }
    latest.current.openMenu({ x: event.clientX, y: event.clientY });
  }, []);

  const onToggle = useCallback((row: TreeRow) => treeUi.setExpanded(row.key, !row.expanded), []);

  const apply = (command: TreeCommand) => {
    const row = 'key' in command ? rows.find((r) => r.key === command.key) : undefined;
    switch (command.kind) {
      case 'focus':
        if (!row) return;
        if (command.selection === 'replace') {
          treeUi.selectOnly(row.key);
          open(row);
        } else if (command.selection === 'extend')
          treeUi.selectRange(
            row.key,
            rows.map((r) => r.key),
          );
        else treeUi.focus(row.key);
        setRevealKey(row.key);
        return;
      case 'expand':
        return treeUi.setExpanded(command.key, true);
      case 'collapse':
        return treeUi.setExpanded(command.key, false);
      case 'open':
        if (!row) return;
        treeUi.selectOnly(row.key);
        return open(row);
      case 'toggle':
        return treeUi.toggle(command.key);
      case 'select-all':
        return treeUi.selectAll(rows.map((r) => r.key));
      case 'menu': {
        const element = document.getElementById(rowId(treeId, command.key));
        const box = element?.getBoundingClientRect();
        return openMenu({ x: (box?.left ?? 0) + 24, y: box?.bottom ?? 0 });
      }
    }
  };

  const typeAhead = useTypeAhead(rows, focused, (row) => {
    treeUi.selectOnly(row.key);
    open(row);
    setRevealKey(row.key);
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const command = treeCommand(rows, focused, event);
    if (command) {
      event.preventDefault();
      apply(command);
    } else if (typeAhead(event)) event.preventDefault();
  };

  const activeKey = focused && rows.some((row) => row.key === focused) ? focused : null;
  return (
    <>
      <div
        ref={scrollRef}
        role="tree"
        aria-label={t('label')}
        aria-multiselectable="true"
        aria-activedescendant={activeKey ? rowId(treeId, activeKey) : undefined}
        tabIndex={0}
        className="tree"
        onKeyDown={onKeyDown}
      >
        <div className="tree-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return (
              <TreeRowView
                key={row.key}
                row={row}
                id={rowId(treeId, row.key)}
                top={item.start}
                selected={selectedSet.has(row.key)}
                active={row.key === activeKey}
                onClick={onRowClick}
                onContextMenu={onRowContextMenu}
                onToggle={onToggle}
              />
            );
          })}
        </div>
      </div>
      {menu && <ActionMenu {...menu} onClose={() => setMenu(null)} />}
      {dialog}
    </>
  );
}
