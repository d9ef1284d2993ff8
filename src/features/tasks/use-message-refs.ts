import { useShallow } from 'zustand/react/shallow';
import { useMirror } from '../../store/mirror-store';
import { parseXapiDateTime } from '../../xapi/datetime';

/** The pool's alerts, newest first. */
export function useMessageRefs(poolId: string): string[] {
  return useMirror(
    useShallow((state) =>
      Object.entries(state.pools[poolId]?.objects.message ?? {})
        .map(([ref, message]) => [ref, parseXapiDateTime(message.timestamp) ?? 0] as const)
        .sort(([, a], [, b]) => b - a)
        .map(([ref]) => ref),
    ),
  );
}

/** Alerts across every connected pool: the number on the notifications badge. */
export function useNotificationCount(): number {
  return useMirror((state) =>
    Object.values(state.pools).reduce((sum, pool) => sum + Object.keys(pool.objects.message ?? {}).length, 0),
  );
}
