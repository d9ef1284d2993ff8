/** Why Apply cannot send now, in words, or undefined when it can. */
import type { TFunction } from 'i18next';
import { denialText } from '../../../components/actions/denial-text';
import type { Verdict } from '../../../xapi/rules/verdict';
import { checkText } from './check-text';
import type { MemoryCheck } from './memory-checks';

export interface BlockerInput {
  changed: boolean;
  pending: boolean;
  /** Whether XAPI would run the call (or the restart's calls) on the VM now. */
  verdict: Verdict;
  checks: readonly MemoryCheck[];
}

export function applyBlocker(t: TFunction, input: BlockerInput): string | undefined {
  if (input.pending) return t('apply.pending', { ns: 'memory' });
  const unmet = input.checks.find((check) => !check.met);
  if (unmet) return checkText(t, unmet);
  if (!input.changed) return t('apply.noChanges', { ns: 'memory' });
  if (!input.verdict.enabled) return denialText(t, input.verdict.reason);
  return undefined;
}
