// Pure display helpers. Amounts stay text from end to end: they are re-punctuated character by
// character, never parsed into floating-point numbers.

import type { Lang } from './i18n';

/** The BCP 47 locale used for dates and country names in each language (Belgian conventions). */
export const LOCALE: Record<Lang, string> = {
  fr: 'fr-BE',
  nl: 'nl-BE',
  en: 'en-GB',
};

interface Punctuation {
  group: string;
  decimal: string;
}

const PUNCTUATION: Record<Lang, Punctuation> = {
  // A narrow no-break space groups thousands in French.
  fr: { group: '\u202f', decimal: ',' },
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const SYMBOLS: Record<string, string> = {
  EUR: '€',
  USD: '$',
  GBP: '£',
};

const NBSP = '\u00a0';

interface Decimal {
  negative: boolean;
  /** Digits before the point, without leading zeros ("0" for none). */
  whole: string;
  /** Digits after the point, as written. */
  fraction: string;
}

/** Reads "1234.5", "-3.49", ".5", "12." — or returns null for anything else. */
export function parseDecimal(text: string): Decimal | null {
  const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return null;
  const isZero = /^0*$/.test(whole) && /^0*$/.test(fraction);
  return { negative: match[1] === '-' && !isZero, whole: whole === '' ? '0' : whole, fraction };
}

/** True for "0", "0.00", "-0.0", "" (WooCommerce writes "" for amounts never set). */
export function isZeroAmount(text: string): boolean {
  return /^\s*[+-]?0*(\.0*)?\s*$/.test(text);
}

/** "5.00" → "-5.00", "-5.00" → "5.00", zero stays as it is. */
export function negateAmount(text: string): string {
  const t = text.trim();
  if (isZeroAmount(t)) return t;
  if (t.startsWith('-')) return t.slice(1);
  if (t.startsWith('+')) return '-' + t.slice(1);
  return '-' + t;
}

function groupThousands(whole: string, separator: string): string {
  let out = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += separator;
    out += whole[i];
  }
  return out;
}

/**
 * Writes a decimal with the language's punctuation, keeping at least `minFraction` decimals and
 * every significant one beyond (a unit price of "33.016529" keeps its digits).
 */
export function formatDecimal(text: string, lang: Lang, minFraction = 0): string {
  const d = parseDecimal(text);
  if (!d) return text;
  let fraction = d.fraction.replace(/0+$/, '');
  if (fraction.length < minFraction) fraction = fraction.padEnd(minFraction, '0');
  const p = PUNCTUATION[lang];
  const body = groupThousands(d.whole, p.group) + (fraction ? p.decimal + fraction : '');
  return (d.negative ? '-' : '') + body;
}

/** "60.80" EUR → "60,80 €" (fr, nl) or "€60.80" (en). Unknown text is shown as it came. */
export function formatMoney(amount: string, currency: string, lang: Lang): string {
  const code = (currency || '').trim().toUpperCase();
  const d = parseDecimal(amount);
  if (!d) return code ? `${amount} ${code}` : amount;
  const number = formatDecimal(amount, lang, 2);
  const unsigned = number.startsWith('-') ? number.slice(1) : number;
  const sign = d.negative ? '-' : '';
  const symbol = SYMBOLS[code];
  if (lang === 'en') {
    if (symbol) return `${sign}${symbol}${unsigned}`;
    return code ? `${sign}${code}${NBSP}${unsigned}` : number;
  }
  const mark = symbol ?? code;
  return mark ? `${number}${NBSP}${mark}` : number;
}

/** Reads a UTC time written without an offset ("2026-11-28T14:29:38"). */
export function parseGmt(text: string | null | undefined): Date | null {
  if (!text) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|[+-]00:?00)?$/.exec(
    text.trim(),
  );
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  const date = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0'), ms),
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], options);
    dateTimeFormats.set(key, f);
  }
  return f;
}

/** A UTC time shown in the computer's time zone: "28 nov. 2026, 15:29". */
export function formatDateTime(text: string | null | undefined, lang: Lang, seconds = false): string {
  if (!text) return '—';
  const date = parseGmt(text);
  if (!date) return text;
  const options: Intl.DateTimeFormatOptions = seconds
    ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return dateTimeFormat(lang, options).format(date);
}

/** The machine-readable form for `<time datetime>`. */
export function isoDateTime(text: string | null | undefined): string | undefined {
  return parseGmt(text)?.toISOString();
}

const regionNames = new Map<Lang, Intl.DisplayNames | null>();

/** "BE" → "Belgique" / "België" / "Belgium"; the code itself when unknown. */
export function countryName(code: string, lang: Lang): string {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) return code;
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([LOCALE[lang]], { type: 'region' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  try {
    return regionNames.get(lang)?.of(c) ?? c;
  } catch {
    return c;
  }
}

const BYTE_UNITS: Record<Lang, [string, string]> = {
  fr: ['octets', 'Ko'],
  nl: ['B', 'KB'],
  en: ['B', 'KB'],
};

/** A body size: "512 B", "1,2 KB" (one decimal, integer arithmetic). */
export function formatBytes(bytes: number, lang: Lang): string {
  const [small, large] = BYTE_UNITS[lang];
  if (bytes < 1024) return `${bytes}${NBSP}${small}`;
  const tenths = Math.round((bytes * 10) / 1024);
  const text = `${Math.floor(tenths / 10)}.${tenths % 10}`;
  return `${formatDecimal(text, lang)}${NBSP}${large}`;
}

/** The lines of an address as printed on an envelope, empty parts left out. */
export function addressLines(
  a: {
    first_name: string;
    last_name: string;
    company: string;
    address_1: string;
    address_2: string;
    city: string;
    state: string;
    postcode: string;
    country: string;
  },
  lang: Lang,
): string[] {
  const name = [a.first_name, a.last_name].map((s) => s.trim()).filter(Boolean).join(' ');
  const town = [a.postcode, a.city].map((s) => s.trim()).filter(Boolean).join(' ');
  return [
    name,
    a.company.trim(),
    a.address_1.trim(),
    a.address_2.trim(),
    town,
    a.state.trim(),
    a.country.trim() ? countryName(a.country, lang) : '',
  ].filter(Boolean);
}

/** Metadata values can be anything; plugins often put HTML in `display_value`. Shown as text. */
export function metaText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/<[^>]*>/g, '').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A VAT rate given as a percentage ("21", "5.5") → "21 %" (fr, nl) or "21%" (en). */
export function formatRate(rate: string, lang: Lang): string {
  const d = parseDecimal(rate);
  if (!d) return rate;
  const number = formatDecimal(rate, lang);
  return lang === 'en' ? `${number}%` : `${number}${NBSP}%`;
}

/** A quantity with its sign always written: "+3", "-2", "0". */
export function formatSignedQuantity(text: string, lang: Lang): string {
  const d = parseDecimal(text);
  if (!d) return text;
  const number = formatDecimal(text, lang);
  return d.negative || isZeroAmount(text) ? number : `+${number}`;
}

/**
 * The number a numbering pattern gives: `{year}` → the year, `{seq}` → the counter, `{seq:04}` →
 * the counter on at least 4 digits ("F{year}-{seq:04}", 2026, "7" → "F2026-0007"). Null when the
 * pattern is not one Comptoir accepts (exactly one `{seq}`, only `{year}` besides) or the counter
 * is not a whole number. The counter stays text: it is padded, never computed with.
 */
export function formatDocumentNumber(pattern: string, year: number, next: string): string | null {
  const seq = next.trim().replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(seq)) return null;
  let seqs = 0;
  let bad = false;
  const out = pattern.replace(/\{([^{}]*)\}/g, (_whole, token: string) => {
    if (token === 'year') return String(year);
    if (token === 'seq') {
      seqs++;
      return seq;
    }
    const padded = /^seq:0([1-9])$/.exec(token);
    if (padded) {
      seqs++;
      return seq.padStart(Number(padded[1]), '0');
    }
    bad = true;
    return '';
  });
  if (bad || seqs !== 1 || /[{}]/.test(out)) return null;
  return out;
}

/** Whether two decimals are the same amount ("12" and "12.00"); unreadable text never is. */
export function sameAmount(a: string, b: string): boolean {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return false;
  const fx = x.fraction.replace(/0+$/, '');
  const fy = y.fraction.replace(/0+$/, '');
  return x.negative === y.negative && x.whole === y.whole && fx === fy;
}
