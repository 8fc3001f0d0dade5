import type { ReactNode } from "react";

/** A horizontally scrollable table wrapper that keyboard users can focus and scroll. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-responsive" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
