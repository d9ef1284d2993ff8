/**
 * Keeps the keyboard in the console when what held it goes away: the console is
 * replaced by the banner when its VM stops, and the banner by the console when it runs
 * again. Without this the focus would fall to the page's body, and a keyboard or screen
 * reader user would have to find their way back. Focus that the person moved elsewhere
 * is left alone.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * `shown` names what the area shows; when it changes and the focus, last inside `area`,
 * has fallen to nothing, it goes to `target()` or, failing that, to the area itself.
 */
export function useFocusRecovery(
  area: RefObject<HTMLElement | null>,
  shown: string,
  target: () => HTMLElement | null | undefined,
): void {
  const inside = useRef(false);
  const latestTarget = useRef(target);
  latestTarget.current = target;

  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const focusIn = () => {
      inside.current = true;
    };
    const focusOut = (event: FocusEvent) => {
      const to = event.relatedTarget as Node | null;
      if (to) {
        inside.current = element.contains(to);
        return;
      }
      // Focus that went nowhere: the person left (the window, or a click on nothing)
      // if what held it is still there; it was taken away if that is gone.
      const from = event.target as Node;
      queueMicrotask(() => {
        if (from.isConnected) inside.current = false;
      });
    };
    element.addEventListener('focusin', focusIn);
    element.addEventListener('focusout', focusOut);
    return () => {
      element.removeEventListener('focusin', focusIn);
      element.removeEventListener('focusout', focusOut);
    };
  }, [area]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when what is shown changes, by design.
  useLayoutEffect(() => {
    if (!inside.current) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    (latestTarget.current() ?? area.current)?.focus();
  }, [shown]);
}
