/**
 * The values the memory editor holds before anything is sent: the four limits, and
 * for each field whose text is not a size, what is wrong with it (the limits keep the
 * field's last good value, so the slider and the preview stay usable).
 */
import type { MemoryLimits } from '../../../xapi/rules/memory';
import type { MemoryInputError, ParsedMemory } from '../memory-units';

export type DraftField = 'dynamicMin' | 'dynamicMax' | 'staticMax';

export interface MemoryDraft {
  limits: MemoryLimits;
  inputErrors: Partial<Record<DraftField, MemoryInputError>>;
}

export const draftFrom = (limits: MemoryLimits): MemoryDraft => ({ limits, inputErrors: {} });

/** A field edited: its value when the text is a size, its error when not. */
export function withField(draft: MemoryDraft, field: DraftField, parsed: ParsedMemory): MemoryDraft {
  const { [field]: _cleared, ...otherErrors } = draft.inputErrors;
  if (!parsed.ok) return { ...draft, inputErrors: { ...otherErrors, [field]: parsed.error } };
  return { limits: { ...draft.limits, [field]: parsed.bytes }, inputErrors: otherErrors };
}

/** Both dynamic values from the slider, which replaces whatever the two fields said. */
export function withDynamicRange(draft: MemoryDraft, dynamicMin: number, dynamicMax: number): MemoryDraft {
  const { dynamicMin: _min, dynamicMax: _max, ...otherErrors } = draft.inputErrors;
  return { limits: { ...draft.limits, dynamicMin, dynamicMax }, inputErrors: otherErrors };
}

export const hasInputErrors = (draft: MemoryDraft) => Object.keys(draft.inputErrors).length > 0;
