import { useEffect, useState } from 'react';
import { inFrameOfItsOwn } from './frame-queue';

/**
 * `value`, taken up in a frame of its own (frame-queue.ts); undefined until then on
 * first use, so a tab of many graphs draws them one by one.
 */
export function useStaggered<T>(value: T): T | undefined {
  const [shown, setShown] = useState<{ value: T }>();
  useEffect(() => inFrameOfItsOwn(() => setShown({ value })), [value]);
  return shown?.value;
}
