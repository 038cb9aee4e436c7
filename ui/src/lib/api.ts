// The Rust core's commands and events, typed. Every command may reject with a sentence meant for
// the owner; `errorText` turns whatever arrived into that sentence.
//
// Money amounts are strings holding exact decimals ("60.80"): never turn them into numbers.
// Times are UTC without an offset ("2026-11-28T14:29:38").

import { invoke, isTauri } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';

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
  reason: string | null;
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
  message: string;
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

/** What the core announces on `comptoir:event`. */
export type ComptoirEvent =
  | {
      kind: 'delivery';
      outcome: DeliveryOutcome;
      source: string;
      topic: string;
      woo_order_id: number | null;
    }
  | { kind: 'ping'; webhook_id: number }
  | { kind: 'failed_delivery'; topic: string }
  | { kind: 'turned_away'; status: number; reason: string }
  | ({ kind: 'listener' } & ListenerStatus);

export const EVENT_NAME = 'comptoir:event';

/** False when the page is opened in a plain browser (`vite` without Tauri). */
export const inApp: boolean = isTauri() || '__TAURI_INTERNALS__' in window;

export const api = {
  connectionInfo: () => invoke<ConnectionInfo>('connection_info'),
  restartListener: () => invoke<ListenerStatus>('restart_listener'),
  listOrders: () => invoke<OrderSummary[]>('list_orders'),
  orderDetail: (id: number, source: string) => invoke<OrderDetail>('order_detail', { id, source }),
  sendTestOrder: () => invoke<TestOrderSent>('send_test_order'),
  listActivity: () => invoke<ActivityEntry[]>('list_activity'),
  listFailedDeliveries: () => invoke<FailedDelivery[]>('list_failed_deliveries'),
};

export function onComptoirEvent(handler: (event: ComptoirEvent) => void): Promise<UnlistenFn> {
  return listen<ComptoirEvent>(EVENT_NAME, (e) => handler(e.payload));
}

/** The sentence a rejected command carried (commands reject with a plain string). */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
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
