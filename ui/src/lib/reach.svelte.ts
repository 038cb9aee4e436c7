// How the shop reaches Comptoir, as the connection screen shows it: the tunnel (provider, public
// address, starting / up / down and why), Comptoir's two webhooks in the shop ("Connect", their
// status, what was re-activated or recreated and why), and the last catch-up. Read once when the
// screen opens, then kept current by the core's `tunnel`, `webhooks` and `catch_up` events.

import {
  api,
  errorText,
  inApp,
  onComptoirEvent,
  type ComptoirEvent,
  type ConnectionState,
  type RoundTrip,
} from './api';
import type { CoreMessage } from './i18n';
import { app } from './state.svelte';

/** Saving one of these restarts the tunnel at once (the core also notices within seconds). */
export const TUNNEL_KEYS = [
  'tunnel.provider',
  'tunnel.public_url',
  'tunnel.cloudflared_path',
  'tunnel.ngrok_authtoken',
  'tunnel.ngrok_domain',
] as const;

/** How often, and how long, the screen reads the last catch-up after "Catch up now". */
const CATCH_UP_POLL_MS = 2000;
const CATCH_UP_WAIT_MS = 120_000;

export type ConnectResult =
  | { ok: true; messages: CoreMessage[]; changed: boolean }
  | { ok: false; message: string };

class Reach {
  /** Null until read (or when reading failed: `loadError` says why). */
  state = $state.raw<ConnectionState | null>(null);
  loadError = $state<string | null>(null);

  connecting = $state(false);
  connectResult = $state.raw<ConnectResult | null>(null);
  /** How many times Connect answered since the window opened (tells one answer from the next). */
  connectAnswers = $state(0);

  testing = $state(false);
  roundTrip = $state.raw<RoundTrip | null>(null);
  /** How many tests answered since the window opened (tells one answer from the next). */
  testAnswers = $state(0);

  /** A catch-up was asked and its result has not arrived yet. */
  catchingUp = $state(false);
  catchUpError = $state<string | null>(null);
  /** The sentence of the last catch-up seen while the screen was open. */
  catchUpSummary = $state<string | null>(null);

  checking = $state(false);

  #seq = 0;

  async load(): Promise<void> {
    if (!inApp) return;
    const mine = ++this.#seq;
    try {
      const state = await api.connectionState();
      if (mine !== this.#seq) return;
      this.state = state;
      this.loadError = null;
    } catch (error) {
      if (mine === this.#seq) this.loadError = errorText(error);
    }
  }

  /** Follows the core's events while the screen is open; returns the function that stops. */
  follow(): () => void {
    if (!inApp) return () => {};
    let stopped = false;
    let unlisten: (() => void) | null = null;
    onComptoirEvent((event) => this.#onEvent(event)).then(
      (fn) => {
        if (stopped) fn();
        else unlisten = fn;
      },
      // Without events the screen still shows what it read; the buttons still answer.
      () => {},
    );
    void this.load();
    return () => {
      stopped = true;
      unlisten?.();
    };
  }

  #onEvent(event: ComptoirEvent): void {
    switch (event.kind) {
      case 'tunnel': {
        const { kind: _, ...tunnel } = event;
        if (this.state) this.state = { ...this.state, tunnel };
        // The delivery URL follows the public address (also in the manual set-up).
        void this.load();
        void app.loadConnection();
        break;
      }
      case 'webhooks':
        if (this.state) this.state = { ...this.state, webhooks: event.state };
        this.checking = false;
        void app.loadActivity();
        break;
      case 'catch_up':
        this.catchingUp = false;
        this.catchUpSummary = event.summary;
        void this.load();
        break;
      case 'listener':
        void this.load();
        break;
    }
  }

  /** The owner saved a tunnel setting: the tunnel starts again with it. */
  async restartTunnel(): Promise<void> {
    if (!inApp) return;
    try {
      const tunnel = await api.restartTunnel();
      if (this.state) this.state = { ...this.state, tunnel };
    } catch (error) {
      this.loadError = errorText(error);
    }
  }

  async connect(): Promise<void> {
    if (this.connecting || !inApp) return;
    this.connecting = true;
    this.connectResult = null;
    try {
      const report = await api.connectShop();
      this.connectResult = { ok: true, messages: report.messages, changed: report.changed };
      if (this.state) this.state = { ...this.state, webhooks: report.state };
    } catch (error) {
      this.connectResult = { ok: false, message: errorText(error) };
    } finally {
      this.connecting = false;
      this.connectAnswers++;
      void this.load();
      void app.loadActivity();
    }
  }

  /** Tests `url` (the address in the manual field, even one not saved) or the tunnel's. */
  async test(url?: string): Promise<void> {
    if (this.testing || !inApp) return;
    this.testing = true;
    this.roundTrip = null;
    try {
      this.roundTrip = await api.testPublicUrl(url);
    } catch (error) {
      this.roundTrip = {
        ok: false,
        url: '',
        millis: null,
        status: null,
        message: errorText(error),
        warning: null,
      };
    } finally {
      this.testing = false;
      this.testAnswers++;
    }
  }

  async catchUp(): Promise<void> {
    if (this.catchingUp || !inApp) return;
    const before = this.#lastRunMark();
    this.catchingUp = true;
    this.catchUpError = null;
    try {
      await api.catchUpNow();
    } catch (error) {
      this.catchingUp = false;
      this.catchUpError = errorText(error);
      return;
    }
    // A successful catch-up is announced; a failed one only recorded: read until either shows.
    const deadline = Date.now() + CATCH_UP_WAIT_MS;
    while (this.catchingUp && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
      await this.load();
      if (this.#lastRunMark() !== before) this.catchingUp = false;
    }
    this.catchingUp = false;
  }

  /** Changes whenever a catch-up ends, well or not. */
  #lastRunMark(): string {
    const run = this.state?.catch_up;
    return `${run?.at ?? ''}|${run?.error_at ?? ''}|${run?.error ?? ''}`;
  }

  async checkWebhooks(): Promise<void> {
    if (this.checking || !inApp) return;
    this.checking = true;
    try {
      await api.checkWebhooks();
    } catch (error) {
      this.checking = false;
      this.loadError = errorText(error);
    }
  }
}

export const reach = new Reach();
