import { type FocusEvent, type MouseEvent, memo, type PointerEvent } from 'react';
import { navigate } from '../../../app/routes';
import type { SegmentKind } from './bar-segments';

interface Props {
  segmentKey: string;
  kind: SegmentKind;
  /** Share of the host's total, 0 to 1. */
  share: number;
  /** Name and figures, a line each: the tooltip, and (on one line) the accessible name. A string, so memo compares it by value. */
  text: string;
  /** A guest's Memory tab: its piece is a link there, which keyboard users reach and read too. */
  href?: string;
  /** The VM being edited, drawn apart. */
  highlighted: boolean;
  /** Guests are told apart by alternating shades. */
  shade: number;
  onShow: (key: string, element: HTMLElement) => void;
  onHide: () => void;
}

/**
 * One piece of a host's memory bar. Memoised on plain values, so a batch of events that
 * moves one guest's balloon redraws that guest's piece only.
 */
export const MemorySegment = memo(function MemorySegment(props: Props) {
  const { segmentKey, kind, share, text, href, highlighted, shade, onShow, onHide } = props;
  const label = text.replaceAll('\n', ', ');
  const show = (event: PointerEvent<HTMLElement> | FocusEvent<HTMLElement>) => onShow(segmentKey, event.currentTarget);
  const follow = (event: MouseEvent) => {
    if (!href || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
  const className = [
    'memory-segment',
    `memory-segment-${kind}`,
    kind === 'guest' ? `memory-shade-${shade}` : '',
    highlighted ? 'memory-segment-highlighted' : '',
  ].join(' ');
  return (
    <li
      className={className}
      style={{ width: `${share * 100}%` }}
      aria-label={href ? undefined : label}
      onPointerEnter={show}
      onPointerLeave={onHide}
    >
      {href && (
        <a href={href} onClick={follow} onFocus={show} onBlur={onHide}>
          <span className="visually-hidden">{label}</span>
        </a>
      )}
    </li>
  );
});
