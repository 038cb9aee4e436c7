// The language shown, chosen from the browser's language unless the owner picked one, and the
// reactive `t()`: a template calling `t()` is redrawn when the language changes.

import {
  isKey,
  isLang,
  pickLanguage,
  translate,
  translateMessage,
  type CoreMessage,
  type Key,
  type Lang,
  type Vars,
} from './i18n';

const STORAGE_KEY = 'comptoir.lang';

function stored(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

const initial: Lang = stored() ?? pickLanguage(navigator.language);
document.documentElement.lang = initial;
let current = $state<Lang>(initial);

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage can be unavailable; the choice then lasts until the window closes.
  }
}

export function t(key: Key, vars?: Vars): string {
  return translate(current, key, vars);
}

/** A sentence from the core in the shown language (as it is when it is plain text). */
export function say(message: CoreMessage | string): string {
  return typeof message === 'string' ? message : translateMessage(current, message);
}

/** A label followed by its colon: "Secret:" in English, "Secret :" in French. */
export function label(key: Key): string {
  return translate(current, key) + translate(current, 'common.colon');
}

/** The translation of `prefix + value` when there is one, else `value` itself. */
export function tOr(prefix: string, value: string, vars?: Vars): string {
  const key = prefix + value;
  return isKey(key) ? translate(current, key, vars) : value;
}

export const statusLabel = (status: string) => tOr('status.', status);
export const outcomeLabel = (outcome: string) => tOr('outcome.', outcome);
export const topicLabel = (topic: string) => tOr('topic.', topic);
export const kindLabel = (kind: string) => tOr('kind.', kind);
export const docStateLabel = (state: string) => tOr('docState.', state);
