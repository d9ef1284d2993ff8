/**
 * A sentence still to be translated: an i18n key in the `errors` namespace and the
 * values it interpolates. Values may themselves be phrases (a power state in words),
 * lists of them (read as alternatives: "running or paused"), or an object XAPI named
 * by ref, which reads as its name when the mirror knows it ("VM “web-01”").
 */
export interface ObjectValue {
  ref: string;
  /** The datamodel's class name, for the words when the object is not known. */
  cls: string;
}

export type PhraseValue = string | Phrase | ObjectValue | PhraseValue[];

export interface Phrase {
  key: string;
  values?: Record<string, PhraseValue>;
}

export const phrase = (key: string, values?: Record<string, PhraseValue>): Phrase =>
  values ? { key, values } : { key };

export const objectValue = (ref: string | undefined, cls: string): ObjectValue => ({ ref: ref ?? '', cls });
