/** Resolves with the pool object's UUID once the mirror has it (the first class the event loop loads). */
import { useMirror } from '../../store/mirror-store';

export function awaitPoolUuid(poolId: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const uuidNow = () => {
      const pools = useMirror.getState().pools[poolId]?.objects.pool;
      return pools ? Object.values(pools)[0]?.uuid : undefined;
    };
    const check = () => {
      const uuid = uuidNow();
      if (!uuid) return;
      unsubscribe();
      resolve(uuid);
    };
    const unsubscribe = useMirror.subscribe(check);
    signal.addEventListener('abort', () => {
      unsubscribe();
      reject(signal.reason);
    });
    check();
  });
}
