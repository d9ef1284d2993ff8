/** A vCPU count that cannot be sent, in words. */
import type { TFunction } from 'i18next';
import type { CountProblem } from '../../../xapi/rules/vcpus';

const KEYS: Record<CountProblem, string> = {
  'not-whole': 'vcpu.problem.notWhole',
  'below-one': 'vcpu.problem.belowOne',
  'above-max': 'vcpu.problem.aboveMax',
};

export const countProblemText = (t: TFunction, problem: CountProblem, field: string, max: number) =>
  t(KEYS[problem], { ns: 'memory', field, max });
