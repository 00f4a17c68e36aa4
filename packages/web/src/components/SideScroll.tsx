import type { ReactNode } from 'react';

/**
 * Content that may be wider than a phone's screen (a table of figures), scrolled sideways. The region can
 * take the focus, so that it can be scrolled from the keyboard too; antd's own scrolling box cannot.
 */
export function SideScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}
