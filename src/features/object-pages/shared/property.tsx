import type { ReactNode } from 'react';

/** One row of a PropertyList. */
export function Property({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="property">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
