// @vitest-environment jsdom
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { consoleStrings } from './i18n';

/** Every key path of a strings tree, plural forms folded into their base key. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|other)$/, '')}`],
  );
}

beforeAll(initI18n);

describe('console strings', () => {
  it('say everything in Simplified Chinese that they say in English', () => {
    expect([...new Set(keys(consoleStrings.zh))].sort()).toEqual([...new Set(keys(consoleStrings.en))].sort());
  });

  it('count the seconds to the next try in both languages', () => {
    const en = i18next.getFixedT('en', 'console');
    const zh = i18next.getFixedT('zh', 'console');
    expect(en('state.nextTry', { count: 1 })).toBe('Next try in 1 second.');
    expect(en('state.nextTry', { count: 8 })).toBe('Next try in 8 seconds.');
    expect(zh('state.nextTry', { count: 4 })).toBe('4 秒后再次尝试。');
  });
});
