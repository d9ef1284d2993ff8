// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../app/i18n';
import { useFormatDuration } from './use-format-duration';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

beforeAll(() => initI18n());

describe('useFormatDuration', () => {
  it('words the two largest units, with plurals, in English and Chinese', () => {
    setLanguage('en');
    const { result, rerender } = renderHook(() => useFormatDuration());
    expect(result.current(3 * day + 4 * hour + 5 * minute)).toBe('3 days, 4 hours');
    expect(result.current(1 * hour + 1 * minute)).toBe('1 hour, 1 minute');
    expect(result.current(42_000)).toBe('42 seconds');
    setLanguage('zh');
    rerender();
    expect(result.current(3 * day + 4 * hour)).toBe('3 天 4 小时');
    setLanguage('en');
  });
});
