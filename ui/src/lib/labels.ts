// Sentences built from several values, shared by the screens.

import type { ListenerStatus, OutboxRow, TurnedAway } from './api';
import { formatDateTime } from './format';
import { isKey, type Lang } from './i18n';
import { t } from './locale.svelte';

export function listenerText(status: ListenerStatus): string {
  switch (status.state) {
    case 'listening':
      return t('listener.listening', { port: status.port });
    case 'port_busy':
      return t('listener.port_busy', { port: status.port });
    case 'stopped':
      return t('listener.stopped');
    default:
      return t('listener.unknown');
  }
}

/** "wrong signature" → the owner's explanation; other reasons are shown with their HTTP status. */
export function refusedReason(refused: Pick<TurnedAway, 'status' | 'reason'>): string {
  const key = `refused.${refused.reason}`;
  if (isKey(key)) return t(key);
  return t('refused.other', { reason: refused.reason, status: refused.status });
}

export interface MailBadge {
  /** The badge's class: mail-queued, mail-retrying, mail-sending, mail-sent or mail-failed. */
  tone: string;
  text: string;
}

/** How a document's e-mail stands, in a word or two. */
export function mailBadge(row: OutboxRow): MailBadge {
  switch (row.state) {
    case 'sent':
      return { tone: 'mail-sent', text: t('mail.badge.sent') };
    case 'sending':
      return { tone: 'mail-sending', text: t('mail.badge.sending') };
    case 'queued':
      return row.last_error
        ? { tone: 'mail-retrying', text: t('mail.badge.retrying') }
        : { tone: 'mail-queued', text: t('mail.badge.queued') };
    case 'failed':
      return { tone: 'mail-failed', text: t('mail.badge.failed') };
    default:
      return { tone: '', text: row.state };
  }
}

/** What the owner should do about an e-mail that is late or failed; null when nothing. */
export function mailAdvice(row: OutboxRow, lang: Lang): string | null {
  if (row.state === 'queued' && row.last_error) {
    return t('mail.advice.retry', { at: formatDateTime(row.next_attempt_at, lang) });
  }
  if (row.state === 'failed') {
    return row.last_error_temporary ? t('mail.advice.gaveUp') : t('mail.advice.refused');
  }
  return null;
}

/** The address inside "Le Comptoir <boutique@example.be>" (or the text itself). */
export function mailboxAddress(mailbox: string): string {
  const text = mailbox.trim();
  const open = text.lastIndexOf('<');
  if (open >= 0 && text.endsWith('>')) return text.slice(open + 1, -1).trim();
  return text;
}
