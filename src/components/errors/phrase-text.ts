/** Renders a Phrase with i18next: nested phrases translated, lists joined as alternatives. */
import type { TFunction } from 'i18next';
import type { Phrase, PhraseValue } from './phrase';

function valueText(t: TFunction, language: string, value: PhraseValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => valueText(t, language, v));
    return new Intl.ListFormat(language, { type: 'disjunction' }).format(items);
  }
  return phraseText(t, language, value);
}

export function phraseText(t: TFunction, language: string, { key, values = {} }: Phrase): string {
  const texts = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, valueText(t, language, v)]));
  return t(key, { ns: 'errors', ...texts });
}
