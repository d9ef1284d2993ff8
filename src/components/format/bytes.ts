/**
 * Byte counts in the units XenCenter uses (binary multiples). Memory never goes past
 * GiB, as in XenCenter's memory panels; disks and storage repositories reach TiB.
 */

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;
const TiB = GiB * 1024;

/** Memory as XenCenter shows it: whole MiB below 1 GiB, GiB with one decimal from there. */
export function formatMemory(bytes: number): string {
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  return `${Math.round(bytes / MiB)} MiB`;
}

/** Disk and storage sizes: the largest unit that keeps the number at 1 or more. */
export function formatSize(bytes: number): string {
  if (bytes >= TiB) return `${(bytes / TiB).toFixed(1)} TiB`;
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MiB`;
  if (bytes >= KiB) return `${Math.round(bytes / KiB)} KiB`;
  return `${Math.max(0, Math.round(bytes))} B`;
}
