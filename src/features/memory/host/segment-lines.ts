/** What a piece of the memory bar says: its name and figures, in the `memory` namespace. */
import type { TFunction } from 'i18next';
import { formatMemory } from '../../../components/format/bytes';
import type { BarSegment } from './bar-segments';

export function segmentLines(t: TFunction, segment: BarSegment, names: ReadonlyMap<string, string>): string[] {
  const memory = (bytes: number) => formatMemory(bytes);
  switch (segment.kind) {
    case 'xen':
      return [t('bar.xen', { ns: 'memory' }), memory(segment.bytes)];
    case 'control-domain':
      return [t('bar.controlDomain', { ns: 'memory' }), memory(segment.bytes)];
    case 'free':
      return [t('bar.free', { ns: 'memory' }), memory(segment.bytes)];
    case 'guest': {
      const guest = segment.guest;
      if (!guest) return [];
      const lines = [
        names.get(guest.ref) ?? guest.ref,
        t('bar.actual', { ns: 'memory', memory: memory(segment.nowBytes ?? segment.bytes) }),
        t('bar.range', { ns: 'memory', min: memory(guest.dynamicMinBytes), max: memory(guest.dynamicMaxBytes) }),
      ];
      if (segment.nowBytes !== undefined) lines.push(t('bar.settles', { ns: 'memory', memory: memory(segment.bytes) }));
      return lines;
    }
  }
}
