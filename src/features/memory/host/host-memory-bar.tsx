import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostMemoryBreakdown } from '../../../xapi/rules/host-memory';
import { barSegments } from './bar-segments';
import { MemorySegment } from './memory-segment';
import { segmentLines, segmentWords } from './segment-lines';

interface Props {
  /** The bar's accessible name ("Memory of xcp-host-01"). */
  label: string;
  /** A guest's Memory tab, for its piece to link to. */
  hrefOf: (ref: string) => string | undefined;
  breakdown: HostMemoryBreakdown;
  names: ReadonlyMap<string, string>;
  /** In a preview: where squeezed would settle each guest. */
  settled?: ReadonlyMap<string, number>;
  /** The VM being edited, drawn apart. */
  highlight?: string;
}

interface Tooltip {
  key: string;
  /** The middle of the piece, from the bar's left edge, in pixels. */
  left: number;
  /** The same as a share of the bar's width, 0 to 1. */
  share: number;
}

/**
 * A host's memory as one bar as wide as its RAM: Xen, the control domain, one piece per
 * guest at the memory it holds, and free memory. Hovering a piece, or focusing a
 * guest's (a link to its Memory tab), shows its name and figures; every piece carries
 * them as its accessible name too.
 */
export function HostMemoryBar({ label, hrefOf, breakdown, names, settled, highlight }: Props) {
  const { t } = useTranslation('memory');
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const words = useMemo(() => segmentWords(t), [t]);
  const segments = useMemo(() => barSegments(breakdown, settled), [breakdown, settled]);
  const total = Math.max(breakdown.totalBytes, 1);
  const onShow = useCallback((key: string, element: HTMLElement) => {
    const piece = element.closest('li') ?? element;
    const left = piece.offsetLeft + piece.offsetWidth / 2;
    setTooltip({ key, left, share: left / Math.max(piece.parentElement?.clientWidth ?? 1, 1) });
  }, []);
  const onHide = useCallback(() => setTooltip(null), []);
  const shown = tooltip ? segments.find((segment) => segment.key === tooltip.key) : undefined;
  let guestIndex = 0;
  return (
    <div className="host-memory-bar">
      <ul aria-label={label} className={settled ? 'memory-bar memory-bar-preview' : 'memory-bar'}>
        {segments.map((segment) => (
          <MemorySegment
            key={segment.key}
            segmentKey={segment.key}
            kind={segment.kind}
            share={segment.bytes / total}
            text={segmentLines(words, segment, names).join('\n')}
            href={segment.kind === 'guest' ? hrefOf(segment.key) : undefined}
            highlighted={segment.key === highlight}
            shade={segment.kind === 'guest' ? guestIndex++ % 4 : 0}
            onShow={onShow}
            onHide={onHide}
          />
        ))}
      </ul>
      {shown && tooltip && (
        // The same words are each piece's accessible name, so the tooltip is for the eye only.
        // Shifted by its share of the bar, so it stays over the bar at either end.
        <div
          className="memory-tooltip"
          aria-hidden="true"
          style={{ left: tooltip.left, transform: `translateX(-${tooltip.share * 100}%)` }}
        >
          {segmentLines(words, shown, names).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}
