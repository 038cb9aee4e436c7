// Sentences built from several values, shared by the screens.

import type { ListenerStatus, TurnedAway } from './api';
import { isKey } from './i18n';
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
