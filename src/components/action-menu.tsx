import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

export interface ActionMenuItem {
  id: string;
  label: string;
  onSelect: () => void;
  /** Set when the item cannot be used now: it stays in the menu, greyed, and says why. */
  disabledReason?: string;
  /** Draws a separator above the item, to group related actions as XenCenter's menus do. */
  separatorBefore?: boolean;
}

export interface ActionMenuProps {
  /** The menu's accessible name, e.g. the object it acts on ("web-01"). */
  label: string;
  items: readonly ActionMenuItem[];
  /** Where the menu opens, in viewport pixels: the pointer, or below a toolbar button. */
  position: { x: number; y: number };
  /** Escape, Tab, a click outside, or an item chosen. Focus then returns to where it was. */
  onClose: () => void;
}

/** Arrow keys wrap around; Home and End jump to the ends. */
function movedIndex(key: string, active: number, last: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return active === last ? 0 : active + 1;
    case 'ArrowUp':
      return active === 0 ? last : active - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

/**
 * A popup menu (WAI-ARIA menu pattern): arrow keys, Home and End move, Enter or Space
 * chooses, a letter jumps to the next item starting with it, Escape closes. Disabled
 * items stay reachable so their reason can be read.
 */
export function ActionMenu({ label, items, position, onClose }: ActionMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      items.findIndex((i) => !i.disabledReason),
    ),
  );
  const [place, setPlace] = useState(position);

  // Keep the whole menu on screen: flip left or up when it would overflow.
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPlace({
      x: Math.max(0, Math.min(position.x, window.innerWidth - width)),
      y: position.y + height > window.innerHeight ? Math.max(0, position.y - height) : position.y,
    });
  }, [position]);

  // The latest onClose, so a parent passing a new function each render does not re-run the effect below.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    const outside = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) close.current();
    };
    document.addEventListener('pointerdown', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      previouslyFocused?.focus();
    };
  }, []);

  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);

  const choose = (item: ActionMenuItem) => {
    if (item.disabledReason) return;
    onClose();
    item.onSelect();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moved = movedIndex(event.key, active, items.length - 1);
    if (moved !== undefined) setActive(moved);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else if (event.key === 'Enter' || event.key === ' ') choose(items[active]);
    else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase();
      const order = [...items.slice(active + 1), ...items.slice(0, active + 1)];
      const next = order.find((i) => i.label.toLowerCase().startsWith(letter));
      if (next) setActive(items.indexOf(next));
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="action-menu"
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map((item, index) => (
        <div key={item.id} role="none" className={item.separatorBefore ? 'menu-group-start' : undefined}>
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: the menu handles the keys for the item that has focus */}
          <div
            role="menuitem"
            tabIndex={index === active ? 0 : -1}
            aria-disabled={item.disabledReason ? true : undefined}
            aria-labelledby={`${idPrefix}-${item.id}-label`}
            aria-describedby={item.disabledReason ? `${idPrefix}-${item.id}-reason` : undefined}
            title={item.disabledReason}
            className="menu-item"
            onClick={() => choose(item)}
            onPointerEnter={() => setActive(index)}
          >
            <span id={`${idPrefix}-${item.id}-label`}>{item.label}</span>
            {item.disabledReason && (
              <span id={`${idPrefix}-${item.id}-reason`} className="menu-item-reason">
                {item.disabledReason}
              </span>
            )}
          </div>
        </div>
      ))}
    </div>,
    document.body,
  );
}
