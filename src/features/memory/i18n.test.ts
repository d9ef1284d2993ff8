// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { memoryStrings } from './i18n';

/** Every key path of a strings tree, plural forms folded into their base key. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
  );
}

beforeAll(initI18n);

describe('memory strings', () => {
  it('say everything in Simplified Chinese that they say in English', () => {
    expect([...new Set(keys(memoryStrings.zh))].sort()).toEqual([...new Set(keys(memoryStrings.en))].sort());
  });

  it('name the changes in the failures list, which looks them up from the actions namespace', () => {
    const actionsT = i18next.getFixedT('en', 'actions');
    expect(actionsT('memory:action.changeMemory')).toBe('Change memory');
    expect(i18next.getFixedT('zh', 'actions')('memory:action.changeVcpus')).toBe('更改 vCPU');
  });
});
