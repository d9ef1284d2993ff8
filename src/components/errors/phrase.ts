/**
 * A sentence still to be translated: an i18n key in the `errors` namespace and the
 * values it interpolates. Values may themselves be phrases (a power state in words)
 * or lists of them, read as alternatives ("running or paused").
 */
export type PhraseValue = string | Phrase | PhraseValue[];

export interface Phrase {
  key: string;
  values?: Record<string, PhraseValue>;
}

export const phrase = (key: string, values?: Record<string, PhraseValue>): Phrase =>
  values ? { key, values } : { key };
