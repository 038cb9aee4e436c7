// One setting being edited: the value stored in the core, the owner's draft, and what the core
// said about it. A draft is checked with `check_setting` as the owner types (debounced, nothing is
// saved) and stored with `set_setting` when the owner leaves the field, picks an option or presses
// Enter. Every refusal is the core's sentence, shown next to the field.

import { api, errorText } from './api';

/** How long typing must pause before the draft is checked. */
export const CHECK_DELAY_MS = 300;

/**
 * The core says `shop.iban cannot be "BE12": BE12 is not a valid IBAN…`; next to the field the
 * key and the value are already in sight, so only the reason is shown, starting with a capital.
 */
export function reasonOnly(key: string, value: string, message: string): string {
  const prefix = `${key} cannot be "${value}": `;
  let rest = message;
  if (message.startsWith(prefix)) {
    rest = message.slice(prefix.length);
  } else {
    // The core trims some values before quoting them.
    const trimmed = `${key} cannot be "${value.trim()}": `;
    if (message.startsWith(trimmed)) rest = message.slice(trimmed.length);
  }
  return rest ? rest[0]!.toUpperCase() + rest.slice(1) : message;
}

export class SettingField {
  readonly key: string;
  /** The value stored in the core. */
  saved = $state('');
  /** What the field shows: the stored value, or what the owner is typing. */
  draft = $state('');
  /** The core's sentence about the draft (or about the last save), null when it is fine. */
  error = $state<string | null>(null);
  checking = $state(false);
  saving = $state(false);
  /** Saved in this window since the owner last typed in it: the field says "Saved". */
  justSaved = $state(false);

  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every edit: an answer about an older draft is dropped. */
  #edit = 0;
  /** The value being stored right now (Enter then leaving the field saves it once). */
  #storing: string | null = null;

  constructor(key: string, value: string) {
    this.key = key;
    this.saved = value;
    this.draft = value;
  }

  get dirty(): boolean {
    return this.draft !== this.saved;
  }

  /** The owner typed: the draft is checked once typing pauses. */
  input(value: string): void {
    this.draft = value;
    this.justSaved = false;
    const edit = ++this.#edit;
    clearTimeout(this.#timer);
    if (!this.dirty) {
      this.error = null;
      this.checking = false;
      return;
    }
    this.checking = true;
    this.#timer = setTimeout(() => void this.#check(edit, value), CHECK_DELAY_MS);
  }

  async #check(edit: number, value: string): Promise<void> {
    let error: string | null = null;
    try {
      await api.checkSetting(this.key, value);
    } catch (e) {
      error = reasonOnly(this.key, value, errorText(e));
    }
    if (edit !== this.#edit || this.saving) return;
    this.checking = false;
    this.error = error;
  }

  /**
   * Stores the draft if it changed. True when the core now holds it (in its own spelling); false
   * when it was refused, or when that very value is already on its way.
   */
  async commit(): Promise<boolean> {
    clearTimeout(this.#timer);
    this.checking = false;
    if (!this.dirty) {
      this.error = null;
      return true;
    }
    const value = this.draft;
    if (this.#storing === value) return false;
    const edit = ++this.#edit;
    this.#storing = value;
    this.saving = true;
    try {
      const stored = await api.setSetting(this.key, value);
      this.saved = stored;
      if (edit === this.#edit) {
        // The core's spelling: "be68 5390…" comes back as "BE68539007547034".
        this.draft = stored;
        this.error = null;
        this.justSaved = true;
      }
      return true;
    } catch (e) {
      if (edit === this.#edit) {
        this.error = reasonOnly(this.key, value, errorText(e));
        this.justSaved = false;
      }
      return false;
    } finally {
      this.#storing = null;
      this.saving = false;
    }
  }

  /** Back to the stored value. */
  revert(): void {
    clearTimeout(this.#timer);
    ++this.#edit;
    this.draft = this.saved;
    this.error = null;
    this.checking = false;
  }

  /** The core's value was read again: an untouched field follows it, a draft is kept. */
  sync(value: string): void {
    if (!this.dirty && !this.saving) this.draft = value;
    this.saved = value;
  }
}
