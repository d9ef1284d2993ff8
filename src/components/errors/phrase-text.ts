/** Renders a Phrase with i18next: nested phrases translated, lists joined as alternatives, objects named. */
import type { TFunction } from 'i18next';
import type { ObjectValue, Phrase, PhraseValue } from './phrase';

/** The name of the object with this ref, when the caller knows it. */
export type NameOf = (ref: string) => string | undefined;

interface Context {
  t: TFunction;
  language: string;
  nameOf: NameOf;
}

function objectText({ t, nameOf }: Context, { ref, cls }: ObjectValue): string {
  const kind = t(`objectClass.${cls}`, { ns: 'errors', defaultValue: t('objectClass.object', { ns: 'errors' }) });
  const name = nameOf(ref);
  return name === undefined
    ? t('objectUnnamed', { ns: 'errors', class: kind })
    : t('objectNamed', { ns: 'errors', class: kind, name });
}

function valueText(context: Context, value: PhraseValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => valueText(context, v));
    return new Intl.ListFormat(context.language, { type: 'disjunction' }).format(items);
  }
  if ('ref' in value) return objectText(context, value);
  return render(context, value);
}

function render(context: Context, { key, values = {} }: Phrase): string {
  const texts = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, valueText(context, v)]));
  return context.t(key, { ns: 'errors', ...texts });
}

export function phraseText(t: TFunction, language: string, phrase: Phrase, nameOf: NameOf = () => undefined): string {
  return render({ t, language, nameOf }, phrase);
}
