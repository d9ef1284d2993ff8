/**
 * What a piece of the memory bar says: its name and figures. The words are looked up
 * once per bar (`segmentWords`), not once per piece: a preview redraws every guest's
 * piece at every step of a drag, and on a host with hundreds of guests the lookups
 * would cost more than the drawing.
 */
import type { TFunction } from 'i18next';
import { formatMemory } from '../../../components/format/bytes';
import type { BarSegment } from './bar-segments';

export interface SegmentWords {
  xen: string;
  controlDomain: string;
  free: string;
  actual: string;
  range: string;
  settles: string;
  /** Between a label and its figure (": " in English, "：" in Chinese). */
  separator: string;
}

export function segmentWords(t: TFunction): SegmentWords {
  const word = (key: string) => t(key, { ns: 'memory' });
  return {
    xen: word('bar.xen'),
    controlDomain: word('bar.controlDomain'),
    free: word('bar.free'),
    actual: word('bar.actual'),
    range: word('bar.range'),
    settles: word('bar.settles'),
    separator: word('bar.separator'),
  };
}

export function segmentLines(words: SegmentWords, segment: BarSegment, names: ReadonlyMap<string, string>): string[] {
  const figure = (label: string, value: string) => `${label}${words.separator}${value}`;
  switch (segment.kind) {
    case 'xen':
      return [words.xen, formatMemory(segment.bytes)];
    case 'control-domain':
      return [words.controlDomain, formatMemory(segment.bytes)];
    case 'free':
      return [words.free, formatMemory(segment.bytes)];
    case 'guest': {
      const guest = segment.guest;
      if (!guest) return [];
      const lines = [
        names.get(guest.ref) ?? guest.ref,
        figure(words.actual, formatMemory(segment.nowBytes ?? segment.bytes)),
        figure(words.range, `${formatMemory(guest.dynamicMinBytes)} – ${formatMemory(guest.dynamicMaxBytes)}`),
      ];
      if (segment.nowBytes !== undefined) lines.push(figure(words.settles, formatMemory(segment.bytes)));
      return lines;
    }
  }
}
