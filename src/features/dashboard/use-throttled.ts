import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once per `ms` (the latest one wins). A big pool's hosts
 * answer one by one, dozens a round; redrawing the dashboard once a second instead of
 * once per answer keeps its frames short.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - Date.now();
    const take = () => {
      last.current = Date.now();
      setShown(value);
    };
    if (wait <= 0) {
      take();
      return;
    }
    const timer = setTimeout(take, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
