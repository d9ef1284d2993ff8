import type { ReactNode } from 'react';

/** A titled group of label/value rows, as XenCenter's General tab lays them out. */
export function PropertyList({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="property-section" aria-label={title}>
      <h2>{title}</h2>
      <dl className="property-list">{children}</dl>
    </section>
  );
}
