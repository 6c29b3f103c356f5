import type { ReactNode } from "react";

/**
 * A table wider than a phone scrolls within itself, not the page; the group is named by the
 * table's caption and can take the focus, so a keyboard can scroll it too.
 */
export function ScrollingTable({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // Focusable so that a keyboard can scroll it (axe: scrollable-region-focusable); a group, not a
    // region: a landmark named like the table would repeat the page's own landmark.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="group" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
