/** free and /proc/meminfo, from the guest's memory view. */
import { KiB, MiB } from '../../units';
import type { GuestMemoryView } from '../guest-memory';
import { freeHuman } from './human-size';

type Scale = (bytes: number) => string;

const SCALES: Record<string, Scale> = {
  '-b': (b) => String(Math.floor(b)),
  '--bytes': (b) => String(Math.floor(b)),
  '-k': (b) => String(Math.floor(b / KiB)),
  '--kibi': (b) => String(Math.floor(b / KiB)),
  '-m': (b) => String(Math.floor(b / MiB)),
  '--mebi': (b) => String(Math.floor(b / MiB)),
  '-g': (b) => String(Math.floor(b / (1024 * MiB))),
  '--gibi': (b) => String(Math.floor(b / (1024 * MiB))),
  '-h': freeHuman,
  '--human': freeHuman,
};

/** `free [-b|-k|-m|-g|-h]`: kibibytes by default; this guest has no swap. */
export function freeCommand(view: GuestMemoryView, args: string[]): string {
  let scale = SCALES['-k'];
  for (const arg of args) {
    const chosen = SCALES[arg];
    if (!chosen) return `free: invalid option -- '${arg.replace(/^-+/, '')}'\nTry 'free --help' for more information.`;
    scale = chosen;
  }
  const row = (label: string, values: number[]) => label.padEnd(8) + values.map((v) => scale(v).padStart(12)).join('');
  const header =
    ' '.repeat(8) + ['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('');
  return [
    header,
    row('Mem:', [
      view.totalBytes,
      view.usedBytes,
      view.freeBytes,
      view.sharedBytes,
      view.buffCacheBytes,
      view.availableBytes,
    ]),
    row('Swap:', [0, 0, 0]),
  ].join('\n');
}

/** /proc/meminfo, the lines people read. */
export function meminfo(view: GuestMemoryView): string {
  const kb = (bytes: number) => Math.floor(bytes / KiB);
  const lines: [string, number][] = [
    ['MemTotal', kb(view.totalBytes)],
    ['MemFree', kb(view.freeBytes)],
    ['MemAvailable', kb(view.availableBytes)],
    ['Buffers', kb(view.buffCacheBytes * 0.1)],
    ['Cached', kb(view.buffCacheBytes * 0.9)],
    ['SwapCached', 0],
    ['SwapTotal', 0],
    ['SwapFree', 0],
    ['Shmem', kb(view.sharedBytes)],
  ];
  return lines.map(([key, value]) => `${`${key}:`.padEnd(15)}${String(value).padStart(9)} kB`).join('\n');
}
