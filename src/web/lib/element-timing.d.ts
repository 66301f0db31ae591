import 'react';

declare module 'react' {
  interface HTMLAttributes<T> {
    /**
     * The Element Timing API's attribute: the browser records when the element's
     * content is first painted (PerformanceObserver, type «element»). bench/web.ts
     * reads it for the dashboard's figures.
     */
    elementtiming?: string;
  }
}
