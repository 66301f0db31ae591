import { useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';

interface ScrollRegionProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role' | 'tabIndex' | 'aria-label'> {
  /** What the region holds (usually the table's caption): a screen reader says it when the region takes focus. */
  label: string;
  children: ReactNode;
}

/**
 * A wide table's box that scrolls sideways instead of widening the page. When its content is
 * wider than the box (a phone, a narrow window), keyboard users must be able to scroll it too
 * (WCAG 2.1.1, axe's `scrollable-region-focusable`): it then takes focus, is scrolled with the
 * arrow keys, and is named by what it holds. It is a named group, not a region: a region is a
 * landmark, and the box usually sits in a section with the same name as its table, or repeats
 * (one per activity, per phase), which would give the page landmarks with the same name.
 * While everything fits it is a plain box, so a wide screen gets no tab stop that does nothing.
 */
export function ScrollRegion({ label, children, className, ...rest }: ScrollRegionProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    // The box changes width with the window; its content when rows arrive or a filter changes.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    const mutations = new MutationObserver(() => {
      for (const child of box.children) observer.observe(child);
      measure();
    });
    mutations.observe(box, { childList: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, []);
  return (
    <div
      ref={ref}
      className={['samla-table-scroll', 'samla-scroll-focus', className].filter(Boolean).join(' ')}
      {...(overflows ? { tabIndex: 0, role: 'group', 'aria-label': label } : {})}
      {...rest}
    >
      {children}
    </div>
  );
}
