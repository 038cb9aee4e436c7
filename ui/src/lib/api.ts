// The Rust core's commands and events, typed. Every command may reject with a sentence meant for
// the owner (`{code, params, message}`, see `CoreMessage`); `errorText` turns whatever arrived
// into that sentence, in the owner's language.
//
// Money amounts are strings holding exact decimals ("60.80"): never turn them into numbers.
// Times are UTC without an offset ("2026-11-28T14:29:38").

import { invoke, isTauri } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { isCoreMessage, translateMessage, type CoreMessage } from './i18n';
import { lang } from './locale.svelte';

/** An exact decimal amount as text, e.g. "60.80" or "-3.49". */
export type Amount = string;
/** A UTC time as text, "YYYY-MM-DDTHH:MM:SS" without an offset. */
export type GmtTime = string;

export type ListenerState = 'listening' | 'port_busy' | 'stopped';

export interface ListenerStatus {
  state: ListenerState;
  port: number;
  local_url: string | null;
  /** Why it is not listening, as a sentence for the owner. */
  reason: CoreMessage | null;
}

export interface TurnedAway {
  at: GmtTime;
  status: number;
  /** A short reason: "wrong signature", "no signature", "body too large"… */
  reason: string;
}

export interface ConnectionInfo {
  /** The address to paste into WooCommerce. */
  delivery_url: string;
  local_url: string;
  public_url: string | null;
  secret: string;
  listener: ListenerStatus;
  data_dir: string;
  last_turned_away: TurnedAway | null;
}

// --- Reaching the shop: tunnel, webhooks made by "Connect", catch-up (connection screen) ---

export type TunnelProvider = 'manual' | 'cloudflared' | 'ngrok';
export type TunnelRunState = 'starting' | 'up' | 'down';

/** The public address and how it is made. */
export interface TunnelState {
  provider: TunnelProvider | (string & {});
  /** Whether this Comptoir can run that provider. */
  available: boolean;
  state: TunnelRunState;
  /** `https://…` without a trailing slash, while up. */
  public_url: string | null;
  /** Why it is down, a sentence from the core. */
  reason: CoreMessage | null;
  /** How many times the tunnel was restarted after exiting. */
  restarts: number;
}

/** One of Comptoir's webhooks in the shop, as last seen. */
export interface HookState {
  topic: string;
  id: number;
  /** `active`, `paused`, `disabled` (as WooCommerce says) or `deleted` (gone from the shop). */
  status: 'active' | 'paused' | 'disabled' | 'deleted' | (string & {});
  delivery_url: string;
}

export interface WebhooksState {
  /** "Connect" succeeded once: Comptoir keeps its webhooks in order by itself since. */
  connected: boolean;
  /** The shop address and REST API key are entered. */
  api_key_set: boolean;
  hooks: HookState[];
  last_check: GmtTime | null;
  /** Why the last check or Connect failed (a sentence), if it did. */
  last_problem: CoreMessage | null;
  /** What the last Connect or check changed, one sentence each. */
  last_changes: CoreMessage[];
}

/** What "Connect" did. */
export interface WebhooksReport {
  delivery_url: string;
  /** One sentence per webhook (and per warning about the address). */
  messages: CoreMessage[];
  /** Whether anything was changed in WooCommerce. */
  changed: boolean;
  state: WebhooksState;
}

/** The last catch-up with the shop. */
export interface CatchUpRun {
  /** The last successful one. */
  at: GmtTime | null;
  /** How many orders it brought (new or changed). */
  orders: number | null;
  /** The last failure, when the last attempt failed. */
  error: string | null;
  error_at: GmtTime | null;
}

/** Everything the connection screen shows about reaching the shop. */
export interface ConnectionState {
  tunnel: TunnelState;
  /** `<public address>/webhooks/woocommerce` while the tunnel is up. */
  delivery_url: string | null;
  local_url: string;
  listener: ListenerStatus;
  shop_url: string | null;
  webhooks: WebhooksState;
  catch_up: CatchUpRun;
}

/** The test of the public address: a request sent through it, back to this listener. */
export interface RoundTrip {
  ok: boolean;
  url: string;
  millis: number | null;
  status: number | null;
  /** That it works, or why not and what to do (a plain string when the command itself failed). */
  message: CoreMessage | string;
  /** It works from here, but WooCommerce will not deliver to it. */
  warning: CoreMessage | null;
}

/** WooCommerce's statuses; plugins may add others. */
export type OrderStatus =
  | 'pending'
  | 'processing'
  | 'on-hold'
  | 'completed'
  | 'cancelled'
  | 'refunded'
  | 'failed'
  | 'checkout-draft'
  | (string & {});

export interface OrderSummary {
  /** WooCommerce's order id (unique per shop only). */
  id: number;
  /** The shop's address. */
  source: string;
  number: string;
  status: OrderStatus;
  currency: string;
  total: Amount;
  total_tax: Amount;
  billing_email: string | null;
  customer_name: string;
  customer_note: string;
  payment_method: string;
  date_created_gmt: GmtTime | null;
  date_modified_gmt: GmtTime | null;
  date_paid_gmt: GmtTime | null;
  paid: boolean;
  trashed: boolean;
  revision: number;
  updated_at: GmtTime;
  /** Made by "send a test order", not by the shop. */
  test: boolean;
}

export interface Address {
  first_name: string;
  last_name: string;
  company: string;
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
  email: string | null;
  phone: string;
}

export interface MetaData {
  key: string;
  value: unknown;
  display_key: string | null;
  display_value: unknown;
}

export interface LineItem {
  id: number;
  name: string;
  sku: string | null;
  quantity: Amount;
  subtotal: Amount;
  subtotal_tax: Amount;
  total: Amount;
  total_tax: Amount;
  price: Amount;
  meta_data: MetaData[];
}

export interface ShippingLine {
  method_title: string;
  total: Amount;
  total_tax: Amount;
}

export interface FeeLine {
  name: string;
  total: Amount;
  total_tax: Amount;
}

export interface CouponLine {
  code: string;
  discount: Amount;
  discount_tax: Amount;
}

export interface Refund {
  id: number;
  reason: string;
  /** Negative, as WooCommerce sends it. */
  total: Amount;
  total_tax: Amount;
}

export type DeliveryOutcome =
  | 'created'
  | 'updated'
  | 'duplicate'
  | 'stale'
  | 'trashed'
  | 'restored'
  | 'ignored'
  | 'unknown_order';

export interface DeliveryRecord {
  id: number;
  received_at: GmtTime;
  source: string;
  topic: string;
  webhook_id: number | null;
  delivery_id: string | null;
  body_sha256: string;
  body_len: number;
  woo_order_id: number | null;
  outcome: DeliveryOutcome | (string & {});
}

export interface OrderDetail extends OrderSummary {
  payment_method_title: string;
  prices_include_tax: boolean;
  discount_total: Amount;
  shipping_total: Amount;
  billing: Address;
  shipping: Address;
  line_items: LineItem[];
  shipping_lines: ShippingLine[];
  fee_lines: FeeLine[];
  coupon_lines: CouponLine[];
  refunds: Refund[];
  /** Oldest first. */
  deliveries: DeliveryRecord[];
}

export interface TestOrderSent {
  order_id: number;
  status: number;
}

export type ActivityLevel = 'info' | 'warning' | 'error';

export interface ActivityEntry {
  id: number;
  at: GmtTime;
  level: ActivityLevel;
  /** The English sentence (older lines have only this). */
  message: string;
  /** The sentence's code and values, for showing it in the owner's language. */
  code: string | null;
  params: Record<string, unknown> | null;
}

export interface FailedDelivery {
  id: number;
  received_at: GmtTime;
  source: string;
  topic: string;
  webhook_id: number | null;
  delivery_id: string | null;
  reason: string;
  body_len: number;
  body_preview: string;
}

/** One setting as the core stores it (every value is text, e.g. "true", "F{year}-{seq:04}"). */
export interface Setting {
  key: string;
  value: string;
  /** The core's one-line English description (the screen has its own, translated). */
  help: string;
}

export type DocumentKind = 'order_form' | 'delivery_note' | 'invoice' | 'credit_note';
export type DocumentState = 'concept' | 'final' | 'sent' | 'cancelled';
export type DocumentLanguage = 'fr' | 'nl' | 'en';

/** A document in the list: concepts first, then newest first. */
export interface DocumentRow {
  id: number;
  /** WooCommerce's order id. */
  order_id: number;
  order_number: string;
  kind: DocumentKind | (string & {});
  /** The WooCommerce refund a credit note is for. */
  refund_id: number | null;
  state: DocumentState | (string & {});
  /** Null while a concept invoice or credit note has none (given at finalisation). */
  number: string | null;
  paid: boolean;
  /** The owner marked it paid (rather than WooCommerce). */
  paid_by_hand: boolean;
  language: DocumentLanguage | (string & {});
  currency: string;
  total: Amount;
  total_vat: Amount;
  /** Belgian structured communication for unpaid invoices, "+++000/0000/00101+++". */
  structured_communication: string | null;
  customer_name: string;
  /** The owner's own note; never printed. */
  internal_note: string;
  created_at: GmtTime;
  finalized_at: GmtTime | null;
  updated_at: GmtTime;
}

export type DocumentLineKind = 'product' | 'shipping' | 'fee';

export interface DocumentLine {
  kind: DocumentLineKind | (string & {});
  sku: string | null;
  /** The product name with its variation attributes. */
  description: string;
  quantity: Amount;
  unit_price_excl: Amount;
  /** The coupon discount on this line, excl. VAT ("0.00" when none). */
  discount_excl: Amount;
  /** A percentage: "21" means 21 %. */
  vat_rate: Amount;
  total_excl: Amount;
  vat: Amount;
}

export interface VatRow {
  /** A percentage: "6" means 6 %. */
  rate: Amount;
  base_excl: Amount;
  vat: Amount;
}

/** A document with what it shows (the row's fields and its content, side by side). */
export interface DocumentDetail extends DocumentRow {
  lines: DocumentLine[];
  vat_summary: VatRow[];
  total_excl: Amount;
  /** The printed text block at the top of the document. */
  customer_note: string;
  billing: Address;
  shipping: Address;
  customer_vat_number: string | null;
  coupons: string[];
  /** The legend in the document's language, paid or unpaid, placeholders filled in. */
  legend: string;
}

export interface DocumentFilter {
  kind?: DocumentKind;
  docState?: DocumentState;
  paid?: boolean;
}

/** A product first seen in an order line, keyed by SKU. */
export interface StockProduct {
  sku: string;
  name: string;
  /** Null until the owner sets it. */
  stock: Amount | null;
  /** The sum of every movement in the ledger. */
  ledger_total: Amount;
  updated_at: GmtTime;
}

export interface StockMovement {
  id: number;
  sku: string;
  /** The document that moved the stock; null for the owner's own corrections. */
  document_id: number | null;
  /** Signed: "-2" out, "3" in. */
  quantity: Amount;
  reason: string;
  at: GmtTime;
}

/** Documents the rules made or changed because of one delivery. */
export interface DocumentsTouched {
  made: number[];
  changed: number[];
}

/** What the core announces on `comptoir:event`. */
export type ComptoirEvent =
  | {
      kind: 'delivery';
      outcome: DeliveryOutcome;
      source: string;
      topic: string;
      woo_order_id: number | null;
      documents?: DocumentsTouched;
    }
  | { kind: 'ping'; webhook_id: number }
  | { kind: 'failed_delivery'; topic: string }
  | { kind: 'turned_away'; status: number; reason: string }
  | ({ kind: 'listener' } & ListenerStatus)
  | MailEvent
  | ReachEvent;

/** The tunnel, the webhooks or the catch-up changed (the connection screen follows them). */
export type ReachEvent =
  | ({ kind: 'tunnel' } & TunnelState)
  | { kind: 'webhooks'; state: WebhooksState; messages: CoreMessage[] }
  | { kind: 'catch_up'; summary: string; orders_changed: number; error: string | null };

/** The outbox tried to e-mail a document (sent, queued again after a failure, or failed). */
export interface MailEvent {
  kind: 'mail';
  document_id: number;
  state: OutboxState;
  /** The server's answer or the reason, as a sentence; null when sent. */
  error: string | null;
}

/** The e-mail of a document as the customer will see it. */
export interface EmailPreview {
  /** The order's billing address; null when the order has none. */
  to: string | null;
  subject: string;
  /** Plain text. */
  body: string;
  /** The PDF's file name, e.g. "Facture F2026-0007.pdf". */
  attachment_name: string;
  message_id: string;
}

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | (string & {});

/** A document's e-mail in the outbox (one row per document). */
export interface OutboxRow {
  id: number;
  document_id: number;
  document_number: string | null;
  recipient: string | null;
  state: OutboxState;
  attempts: number;
  /** The last failure, as the server or the core said it. */
  last_error: string | null;
  /** Whether that failure is retried (connection refused, 4xx) rather than final (5xx, auth). */
  last_error_temporary: boolean | null;
  queued_at: GmtTime;
  next_attempt_at: GmtTime;
  first_failure_at: GmtTime | null;
  sent_at: GmtTime | null;
  /** The server's answer when it took the message ("250 2.0.0 Ok: queued as …"). */
  server_response: string | null;
}

/** Printing progress on `comptoir:print`: `done` of `total` documents prepared. */
export interface PrintProgress {
  done: number;
  total: number;
}

export const EVENT_NAME = 'comptoir:event';
export const PRINT_EVENT_NAME = 'comptoir:print';

/** False when the page is opened in a plain browser (`vite` without Tauri). */
export const inApp: boolean = isTauri() || '__TAURI_INTERNALS__' in window;

export const api = {
  connectionInfo: () => invoke<ConnectionInfo>('connection_info'),
  restartListener: () => invoke<ListenerStatus>('restart_listener'),
  connectionState: () => invoke<ConnectionState>('connection_state'),
  /** Restarts the tunnel with the settings just saved. */
  restartTunnel: () => invoke<TunnelState>('restart_tunnel'),
  /** Creates or updates Comptoir's two webhooks in the shop; never duplicates. */
  connectShop: () => invoke<WebhooksReport>('connect_shop'),
  /** The result arrives as a `webhooks` event. */
  checkWebhooks: () => invoke<null>('check_webhooks'),
  /** Tests `url` when given (an address typed, saved or not), else the tunnel's address. */
  testPublicUrl: (url?: string) => invoke<RoundTrip>('test_public_url', url ? { url } : {}),
  /** The result arrives as a `catch_up` event. */
  catchUpNow: () => invoke<null>('catch_up_now'),
  listOrders: () => invoke<OrderSummary[]>('list_orders'),
  orderDetail: (id: number, source: string) => invoke<OrderDetail>('order_detail', { id, source }),
  sendTestOrder: () => invoke<TestOrderSent>('send_test_order'),
  listActivity: () => invoke<ActivityEntry[]>('list_activity'),
  listFailedDeliveries: () => invoke<FailedDelivery[]>('list_failed_deliveries'),

  listSettings: () => invoke<Setting[]>('list_settings'),
  /** The value as it would be stored, or a rejection saying what is allowed; saves nothing. */
  checkSetting: (key: string, value: string) => invoke<string>('check_setting', { key, value }),
  /** Checks and stores; resolves to the value stored. */
  setSetting: (key: string, value: string) => invoke<string>('set_setting', { key, value }),

  listDocuments: (filter: DocumentFilter) => invoke<DocumentRow[]>('list_documents', { ...filter }),
  documentDetail: (id: number) => invoke<DocumentDetail>('document_detail', { id }),
  finalizeDocument: (id: number) => invoke<DocumentRow>('finalize_document', { id }),
  markDocumentPaid: (id: number) => invoke<DocumentRow>('mark_document_paid', { id }),
  /** Concepts only; a final document is refused with a sentence. */
  deleteDocument: (id: number) => invoke<null>('delete_document', { id }),
  /** The owner's internal note (never printed nor sent). */
  setDocumentNote: (id: number, note: string) =>
    invoke<DocumentRow>('set_document_note', { id, note }),
  /** The text block printed at the top of a concept. */
  setCustomerNote: (id: number, note: string) =>
    invoke<DocumentRow>('set_customer_note', { id, note }),
  /** The PDF as it prints, base64-encoded. */
  documentPdf: (id: number) => invoke<string>('document_pdf', { id }),
  emailPreview: (id: number) => invoke<EmailPreview>('email_preview', { id }),
  /** Queues the documents for e-mail, finalising concepts first; stops at the first refusal. */
  sendDocuments: (ids: number[]) => invoke<DocumentRow[]>('send_documents', { ids }),
  listOutbox: () => invoke<OutboxRow[]>('list_outbox'),
  /** Resolves to the server's answer; rejects with the exact SMTP error. */
  sendTestEmail: (to: string) => invoke<string>('send_test_email', { to }),
  /** The printers CUPS knows, the default first; rejects when there is no CUPS. */
  listPrinters: () => invoke<string[]>('list_printers'),
  /** Prints in one job (finalising concepts); resolves to the print job's id. */
  printDocuments: (ids: number[], printer: string) =>
    invoke<string>('print_documents', { ids, printer }),
  todaysDeliveryNotes: () => invoke<DocumentRow[]>('todays_delivery_notes'),

  listStock: () => invoke<StockProduct[]>('list_stock'),
  stockLedger: (sku: string | null) =>
    invoke<StockMovement[]>('stock_ledger', sku === null ? {} : { sku }),
  setStock: (sku: string, quantity: string) => invoke<StockProduct>('set_stock', { sku, quantity }),
};

export function onComptoirEvent(handler: (event: ComptoirEvent) => void): Promise<UnlistenFn> {
  return listen<ComptoirEvent>(EVENT_NAME, (e) => handler(e.payload));
}

export function onPrintProgress(handler: (progress: PrintProgress) => void): Promise<UnlistenFn> {
  return listen<PrintProgress>(PRINT_EVENT_NAME, (e) => handler(e.payload));
}

/**
 * The core's sentences recently shown, by the text they were shown with, so a screen can say them
 * again when the owner switches language (`relocalized`). Bounded: only recent ones matter.
 */
const shown = new Map<string, CoreMessage>();
const SHOWN_LIMIT = 200;

function remember(text: string, message: CoreMessage): string {
  // Next to a field the sentence is shown starting with a capital (settings.svelte.ts).
  const capital = text ? text[0]!.toUpperCase() + text.slice(1) : text;
  for (const key of [text, capital]) {
    shown.delete(key);
    shown.set(key, message);
  }
  while (shown.size > SHOWN_LIMIT) {
    const oldest = shown.keys().next();
    if (oldest.done) break;
    shown.delete(oldest.value);
  }
  return text;
}

/**
 * A sentence made by `errorText`, in the language now chosen (reactive: a template calling this
 * is redrawn when the language changes). Any other text is returned as it is.
 */
export function relocalized(text: string): string {
  const message = shown.get(text);
  return message ? translateMessage(lang(), message) : text;
}

/**
 * The sentence a rejected command carried, in the owner's language: commands reject with
 * `{code, params, message}` (translated from `msg.<code>`, else the English `message`), or with a
 * plain string.
 */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (isCoreMessage(error)) return remember(translateMessage(lang(), error), error);
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** Shop addresses may or may not end with a slash; the core compares them without it. */
export function sameSource(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
