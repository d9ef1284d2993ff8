import { type MouseEvent, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMirror } from '../../store/mirror-store';
import type { TreeRow } from './flatten-tree';
import { NodeIcon } from './node-icon';

export const ROW_HEIGHT_PX = 22;
const INDENT_PX = 16;

export interface TreeRowViewProps {
  row: TreeRow;
  /** The DOM id aria-activedescendant points at. */
  id: string;
  top: number;
  selected: boolean;
  active: boolean;
  onClick: (row: TreeRow, event: MouseEvent) => void;
  onContextMenu: (row: TreeRow, event: MouseEvent) => void;
  onToggle: (row: TreeRow) => void;
}

/** A pool that is not simply live says so next to its name: connecting, reconnecting, disconnected. */
function PoolStatus({ poolId, id }: { poolId: string; id: string }) {
  const { t } = useTranslation('tree');
  const status = useMirror((s) => s.pools[poolId]?.status);
  // Always there (empty while live), so the row's aria-describedby always points at something.
  return (
    <span id={id} className={`tree-status tree-status-${status}`}>
      {status && status !== 'live' ? t(`poolStatus.${status}`) : ''}
    </span>
  );
}

/** Rows are rebuilt on every batch of events; one is the same when every field is. */
function sameRow(a: TreeRow, b: TreeRow): boolean {
  return (Object.keys(a) as (keyof TreeRow)[]).every((field) => a[field] === b[field]);
}

function sameProps(a: TreeRowViewProps, b: TreeRowViewProps): boolean {
  return (Object.keys(a) as (keyof TreeRowViewProps)[]).every((prop) =>
    prop === 'row' ? sameRow(a.row, b.row) : a[prop] === b[prop],
  );
}

/**
 * One row of the tree. It re-renders only when its own props change (rows compared
 * field by field) or when its record changes in the mirror (the icon reads it), so a
 * batch of events touching one VM re-renders that VM's row alone.
 */
export const TreeRowView = memo(function TreeRowView({
  row,
  id,
  top,
  selected,
  active,
  onClick,
  onContextMenu,
  onToggle,
}: TreeRowViewProps) {
  const isRoot = row.level === 1;
  return (
    // The tree holds focus and points here with aria-activedescendant, so the row is neither focusable nor keyed.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the tree
    // biome-ignore lint/a11y/useFocusableInteractive: focus stays on the tree (aria-activedescendant)
    <div
      role="treeitem"
      id={id}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={selected}
      aria-labelledby={`${id}-name`}
      aria-describedby={isRoot ? `${id}-status` : undefined}
      className={['tree-row', selected && 'selected', active && 'active'].filter(Boolean).join(' ')}
      style={{ transform: `translateY(${top}px)`, paddingLeft: (row.level - 1) * INDENT_PX }}
      onClick={(event) => onClick(row, event)}
      onDoubleClick={() => row.expandable && onToggle(row)}
      onContextMenu={(event) => onContextMenu(row, event)}
    >
      <span
        className="twisty"
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          onToggle(row);
        }}
      >
        {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <NodeIcon poolId={row.poolId} cls={row.cls} objectRef={row.ref} />
      <span id={`${id}-name`} className="tree-name">
        {row.name}
      </span>
      {isRoot && <PoolStatus poolId={row.poolId} id={`${id}-status`} />}
    </div>
  );
}, sameProps);
