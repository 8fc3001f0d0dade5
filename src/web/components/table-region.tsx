import type { ReactNode } from "react";

/**
 * A horizontally scrollable table wrapper that keyboard users can focus and scroll. It is the
 * containing block of what is positioned inside it (Bootstrap's visually hidden texts are absolute):
 * nothing in the table can stick out of the box and widen the page.
 */
export function TableRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className={`table-responsive table-region ${className ?? ""}`} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
