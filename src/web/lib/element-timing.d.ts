import 'react';

declare module 'react' {
  // An augmentation repeats React's type parameter, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    /**
     * The Element Timing API's attribute: the browser records when the element's
     * content is first painted (PerformanceObserver, type «element»). bench/web.ts
     * reads it for the dashboard's figures.
     */
    elementtiming?: string;
  }
}
