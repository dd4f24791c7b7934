import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body, .ant-table-container';

/**
 * Makes every sideways-scrolling table region under the element with `id` reachable by keyboard
 * (`tabindex="0"`), so its hidden columns can be scrolled into view with the arrow keys — axe-core's
 * scrollable-region-focusable (serious), for the kit's tables and pages' own antd tables alike (issue 15).
 */
export function useFocusableScrollRegions(id: string): void {
  useEffect(() => {
    const root = document.getElementById(id);
    if (!root) return undefined;
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const element of Array.from(root.querySelectorAll<HTMLElement>(SCROLLERS))) {
        const scrolls = element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
        if (scrolls && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0');
      }
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(mark);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(root, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [id]);
}
