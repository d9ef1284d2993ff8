/** Why several VMs cannot have their memory edited together, in words. */
import type { TFunction } from 'i18next';
import type { BulkProblem } from './bulk-members';

export function bulkProblemText(t: TFunction, problem: BulkProblem): string {
  switch (problem.code) {
    case 'missing':
      return t('bulk.problem.missing', { ns: 'memory' });
    case 'several-pools':
      return t('reason.severalPools', { ns: 'actions' });
    case 'different-settings':
      return t('bulk.problem.differentSettings', { ns: 'memory' });
    case 'not-editable':
      return t('bulk.problem.notEditable', { ns: 'memory', name: problem.name });
  }
}
