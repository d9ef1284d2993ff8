/**
 * The editor's draft of a VM's memory, starting from the VM's values. When the VM's
 * values change (this editor's change arriving through the event stream, or someone
 * else's), the draft starts again from them, unless the person is in the middle of an
 * edit of their own that the new values do not already match.
 */
import { useState } from 'react';
import { type MemoryLimits, sameLimits } from '../../../xapi/rules/memory';
import { draftFrom, hasInputErrors, type MemoryDraft } from './memory-draft';

export function useMemoryDraft(current: MemoryLimits) {
  const [state, setState] = useState(() => ({ base: current, draft: draftFrom(current) }));
  let { base, draft } = state;
  if (!sameLimits(base, current)) {
    const untouched = sameLimits(draft.limits, base) && !hasInputErrors(draft);
    const arrived = sameLimits(draft.limits, current);
    base = current;
    draft = untouched || arrived ? draftFrom(current) : draft;
    setState({ base, draft });
  }
  return {
    draft,
    setDraft: (next: MemoryDraft) => setState({ base, draft: next }),
    reset: () => setState({ base, draft: draftFrom(base) }),
    dirty: !sameLimits(draft.limits, base) || hasInputErrors(draft),
  };
}
