/** How full something is (an SR, a host's memory), as a meter with its figures in words. */
export function UsageBar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  return (
    <span className="usage">
      <meter aria-label={label} min={0} max={Math.max(total, 1)} value={Math.min(used, total)} high={total * 0.9}>
        {text}
      </meter>
      <span>{text}</span>
    </span>
  );
}
