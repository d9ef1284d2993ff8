/** A memory check in words, with its figures (namespace `memory`). */
import type { TFunction } from 'i18next';
import { formatMemory } from '../../../components/format/bytes';
import { memoryText } from '../memory-units';
import type { MemoryCheck } from './memory-checks';

const INPUT_ERRORS = {
  empty: 'check.input.empty',
  'not-a-number': 'check.input.notANumber',
  'not-positive': 'check.input.notPositive',
};
const FIELDS = {
  dynamicMin: 'field.dynamicMin',
  dynamicMax: 'field.dynamicMax',
  staticMax: 'field.staticMax',
  fixed: 'field.fixed',
};
const ORDER_PROBLEMS = {
  'static-max-below-static-min': 'check.order.staticMaxBelowStaticMin',
  'dynamic-min-below-static-min': 'check.order.dynamicMinBelowStaticMin',
  'dynamic-max-below-dynamic-min': 'check.order.dynamicMaxBelowDynamicMin',
  'static-max-below-dynamic-max': 'check.order.staticMaxBelowDynamicMax',
};

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

export function checkText(t: TFunction, check: MemoryCheck): string {
  switch (check.kind) {
    case 'input':
      return t(INPUT_ERRORS[check.error], { ns: 'memory', field: t(FIELDS[check.field], { ns: 'memory' }) });
    case 'order': {
      const values = {
        ns: 'memory',
        staticMin: memoryText(check.limits.staticMin),
        dynamicMin: memoryText(check.limits.dynamicMin),
        dynamicMax: memoryText(check.limits.dynamicMax),
        staticMax: memoryText(check.limits.staticMax),
      };
      if (check.met) return t('check.order.met', values);
      return check.problems.map((problem) => t(ORDER_PROBLEMS[problem], values)).join(' ');
    }
    case 'ratio':
      return t(check.met ? 'check.ratio.met' : 'check.ratio.unmet', {
        ns: 'memory',
        percent: percent(check.ratio),
        minimum: memoryText(check.minimumBytes),
        staticMax: memoryText(check.staticMaxBytes),
      });
    case 'headroom':
      return t(`check.headroom.${check.met ? 'met' : 'unmet'}${check.count > 1 ? 'Many' : ''}`, {
        ns: 'memory',
        host: check.host,
        count: check.count,
        highest: formatMemory(check.highestDynamicMinBytes),
        dynamicMin: memoryText(check.dynamicMinBytes),
      });
    case 'restart-fit':
      return t(`check.restartFit.${check.met ? 'met' : 'unmet'}${check.count > 1 ? 'Many' : ''}`, {
        ns: 'memory',
        host: check.host,
        count: check.count,
        needed: formatMemory(check.neededBytes),
        available: formatMemory(check.availableBytes),
      });
  }
}
