/** df: the guest's file systems (one per disk) and the kernel's memory-backed ones. */
import { GiB, KiB, MiB } from '../../units';
import { dfHuman } from './human-size';

export interface FileSystem {
  source: string;
  sizeBytes: number;
  usedBytes: number;
  /** What is left for ordinary users: ext4 keeps 5 % back for root. */
  availableBytes: number;
  mountPoint: string;
}

/** ext4's own metadata takes about 2 % of a partition; 5 % more is reserved for root. */
export function ext4(source: string, partitionBytes: number, usedBytes: number, mountPoint: string): FileSystem {
  const sizeBytes = Math.floor(partitionBytes * 0.98);
  const used = Math.min(usedBytes, sizeBytes);
  return {
    source,
    sizeBytes,
    usedBytes: used,
    availableBytes: Math.max(0, sizeBytes - used - Math.floor(sizeBytes * 0.05)),
    mountPoint,
  };
}

export function tmpfs(source: string, sizeBytes: number, usedBytes: number, mountPoint: string): FileSystem {
  return { source, sizeBytes, usedBytes, availableBytes: sizeBytes - usedBytes, mountPoint };
}

/** A Linux guest's mounts: udev and tmpfs sized from its memory, then an ext4 file system per disk. */
export function linuxFileSystems(
  memoryBytes: number,
  disks: { partition: string; sizeBytes: number; usedBytes: number; mountPoint: string }[],
): FileSystem[] {
  const round = (bytes: number) => Math.floor(bytes / MiB) * MiB;
  const [root, ...data] = disks.map((disk, i) =>
    // The root file system holds the OS, however little the disk's image has allocated.
    ext4(
      `/dev/${disk.partition}`,
      disk.sizeBytes,
      i === 0 ? Math.max(disk.usedBytes, 1.6 * GiB) : disk.usedBytes,
      disk.mountPoint,
    ),
  );
  return [
    tmpfs('udev', round(memoryBytes / 2), 0, '/dev'),
    tmpfs('tmpfs', round(memoryBytes / 10), 564 * KiB, '/run'),
    ...(root ? [root] : []),
    tmpfs('tmpfs', round(memoryBytes / 2), 0, '/dev/shm'),
    tmpfs('tmpfs', 5 * MiB, 0, '/run/lock'),
    ...data,
    tmpfs('tmpfs', round(memoryBytes / 10), 0, '/run/user/0'),
  ];
}

/** `df [-h]`. */
export function dfCommand(fileSystems: FileSystem[], args: string[]): string {
  const human = args.includes('-h') || args.includes('--human-readable');
  const unknown = args.find((a) => a.startsWith('-') && a !== '-h' && a !== '--human-readable');
  if (unknown) return `df: invalid option -- '${unknown.replace(/^-+/, '')}'\nTry 'df --help' for more information.`;
  const size = human ? dfHuman : (bytes: number) => String(Math.ceil(bytes / KiB));
  const header = human
    ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on']
    : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'];
  const rows = fileSystems.map((fs) => {
    const usable = fs.usedBytes + fs.availableBytes;
    const percent = usable === 0 ? 0 : Math.ceil((fs.usedBytes / usable) * 100);
    return [fs.source, size(fs.sizeBytes), size(fs.usedBytes), size(fs.availableBytes), `${percent}%`, fs.mountPoint];
  });
  // df's minimum column widths, which keep its header in place whatever the values.
  const minimum = human ? [14, 5, 5, 5, 4] : [14, 9, 7, 9, 4];
  const widths = minimum.map((min, i) => Math.max(min, ...[header, ...rows].map((r) => r[i].length)));
  const line = (r: string[]) =>
    [r[0].padEnd(widths[0]), ...[1, 2, 3, 4].map((i) => r[i].padStart(widths[i])), r[5]].join(' ');
  return [header, ...rows].map(line).join('\n');
}
