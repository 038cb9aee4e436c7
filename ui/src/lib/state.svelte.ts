// What the window knows, shared by the screens. Data is loaded once at start and then again only
// when the core announces a change on `comptoir:event`: nothing polls.

import {
  api,
  errorText,
  inApp,
  onComptoirEvent,
  sameSource,
  type ActivityEntry,
  type ComptoirEvent,
  type ConnectionInfo,
  type DocumentDetail,
  type DocumentFilter,
  type DocumentRow,
  type FailedDelivery,
  type ListenerStatus,
  type OrderDetail,
  type OrderSummary,
  type Setting,
  type StockMovement,
  type StockProduct,
} from './api';
import type { Key } from './i18n';
import { SettingField } from './settings.svelte';

export type Screen = 'orders' | 'documents' | 'stock' | 'settings' | 'connection' | 'activity';

/** What the owner can do to a document from its detail. */
export type DocumentAction = 'finalize' | 'markPaid' | 'delete';

/** Keys the Connection screen owns; the Settings screen leaves them alone. */
const CONNECTION_KEYS = new Set(['webhook.secret', 'listener.port', 'tunnel.public_url']);

export interface OrderRef {
  id: number;
  source: string;
}

/** A failure shown in the banner: what was being done (translated at display) and the sentence. */
export interface AppError {
  /** One banner line per kind of failure: a newer one replaces it, a success clears it. */
  what: Key;
  message: string;
}

export type TestOrderResult =
  | { ok: true; orderId: number }
  | { ok: false; message: string };

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
type Gate = <T>(load: () => Promise<T>, done: (outcome: Outcome<T>) => void) => Promise<void>;

/** Runs loads of one kind so that only the newest one's outcome is used. */
function latest(): Gate {
  let seq = 0;
  return async (load, done) => {
    const mine = ++seq;
    let outcome;
    try {
      outcome = { ok: true as const, value: await load() };
    } catch (error) {
      outcome = { ok: false as const, error };
    }
    if (mine === seq) done(outcome);
  };
}

class AppState {
  screen = $state<Screen>('orders');

  orders = $state.raw<OrderSummary[] | null>(null);
  selected = $state.raw<OrderRef | null>(null);
  detail = $state.raw<OrderDetail | null>(null);

  connection = $state.raw<ConnectionInfo | null>(null);
  listener = $state.raw<ListenerStatus | null>(null);
  restarting = $state(false);

  activity = $state.raw<ActivityEntry[] | null>(null);
  failed = $state.raw<FailedDelivery[] | null>(null);

  testOrderBusy = $state(false);
  testOrder = $state.raw<TestOrderResult | null>(null);

  /** The documents list as filtered by `documentFilter` (concepts first, then newest). */
  documents = $state.raw<DocumentRow[] | null>(null);
  documentFilter = $state.raw<DocumentFilter>({});
  selectedDocument = $state<number | null>(null);
  documentDetail = $state.raw<DocumentDetail | null>(null);
  /** The action running on the open document, if any. */
  documentBusy = $state<DocumentAction | null>(null);

  products = $state.raw<StockProduct[] | null>(null);
  ledger = $state.raw<StockMovement[] | null>(null);
  /** The SKU the ledger is filtered on; null for every product. */
  ledgerSku = $state<string | null>(null);

  /** The owner's settings being edited, by key; null until loaded. */
  settings = $state.raw<Record<string, SettingField> | null>(null);

  errors = $state.raw<AppError[]>([]);

  #ordersLoad = latest();
  #detailLoad = latest();
  #connectionLoad = latest();
  #activityLoad = latest();
  #failedLoad = latest();
  #documentsLoad = latest();
  #documentLoad = latest();
  #stockLoad = latest();
  #ledgerLoad = latest();
  #settingsLoad = latest();

  report(what: Key, error: unknown): void {
    const message = errorText(error);
    this.errors = [...this.errors.filter((e) => e.what !== what), { what, message }];
  }

  clear(what: Key): void {
    if (this.errors.some((e) => e.what === what)) {
      this.errors = this.errors.filter((e) => e.what !== what);
    }
  }

  /** Whether the last attempt of `what` failed (or nothing can load outside the app). */
  failedTo(what: Key): boolean {
    return this.errors.some((e) => e.what === what || e.what === 'error.notInApp');
  }

  dismiss(error: AppError): void {
    this.errors = this.errors.filter((e) => e !== error);
  }

  /** Runs a command; a rejection goes to the banner under `what`, a success clears it. */
  async #run<T>(what: Key, work: () => Promise<T>): Promise<T | undefined> {
    if (!inApp) {
      this.report('error.notInApp', '');
      return undefined;
    }
    try {
      const value = await work();
      this.clear(what);
      return value;
    } catch (error) {
      this.report(what, error);
      return undefined;
    }
  }

  /** Like `#run` for loads: of overlapping loads of one kind, only the newest counts. */
  #load<T>(what: Key, gate: Gate, load: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    if (!inApp) {
      this.report('error.notInApp', '');
      return Promise.resolve();
    }
    return gate(load, (outcome) => {
      if (outcome.ok) {
        this.clear(what);
        apply(outcome.value);
      } else {
        this.report(what, outcome.error);
      }
    });
  }

  loadOrders(): Promise<void> {
    return this.#load('error.orders', this.#ordersLoad, api.listOrders, (orders) => {
      this.orders = orders;
    });
  }

  loadConnection(): Promise<void> {
    return this.#load('error.connection', this.#connectionLoad, api.connectionInfo, (info) => {
      this.connection = info;
      this.listener = info.listener;
    });
  }

  loadActivity(): Promise<void> {
    return this.#load('error.activity', this.#activityLoad, api.listActivity, (entries) => {
      this.activity = entries;
    });
  }

  loadFailed(): Promise<void> {
    return this.#load('error.failed', this.#failedLoad, api.listFailedDeliveries, (rows) => {
      this.failed = rows;
    });
  }

  loadDocuments(): Promise<void> {
    const filter = this.documentFilter;
    return this.#load(
      'error.documents',
      this.#documentsLoad,
      () => api.listDocuments(filter),
      (rows) => {
        this.documents = rows;
      },
    );
  }

  /** Changes the documents filter and loads the list again. */
  filterDocuments(filter: DocumentFilter): Promise<void> {
    this.documentFilter = filter;
    return this.loadDocuments();
  }

  openDocument(id: number): Promise<void> {
    if (this.selectedDocument !== id) this.documentDetail = null;
    this.selectedDocument = id;
    return this.#loadDocumentDetail();
  }

  closeDocument(): void {
    this.selectedDocument = null;
    this.documentDetail = null;
    this.clear('error.document');
  }

  #loadDocumentDetail(): Promise<void> {
    const id = this.selectedDocument;
    if (id === null) return Promise.resolve();
    return this.#load(
      'error.document',
      this.#documentLoad,
      () => api.documentDetail(id),
      (detail) => {
        if (this.selectedDocument === id) this.documentDetail = detail;
      },
    );
  }

  /** Finalises, marks paid or deletes the open document, then shows what changed. */
  async documentAction(action: DocumentAction): Promise<void> {
    const id = this.selectedDocument;
    if (id === null || this.documentBusy) return;
    this.documentBusy = action;
    try {
      const done =
        action === 'finalize'
          ? await this.#run('error.finalize', () => api.finalizeDocument(id))
          : action === 'markPaid'
            ? await this.#run('error.markPaid', () => api.markDocumentPaid(id))
            : await this.#run('error.delete', () => api.deleteDocument(id).then(() => true));
      if (done === undefined) return;
      if (action === 'delete' && this.selectedDocument === id) this.closeDocument();
      void this.loadDocuments();
      if (action !== 'delete') void this.#loadDocumentDetail();
      // Finalising takes a number from its series; deleting a concept gives its stock back.
      if (action === 'finalize') void this.loadSettings();
      if (action === 'delete') this.#loadStockAndLedger();
    } finally {
      this.documentBusy = null;
    }
  }

  loadStock(): Promise<void> {
    return this.#load('error.stock', this.#stockLoad, api.listStock, (rows) => {
      this.products = rows;
    });
  }

  loadLedger(): Promise<void> {
    const sku = this.ledgerSku;
    return this.#load(
      'error.ledger',
      this.#ledgerLoad,
      () => api.stockLedger(sku),
      (rows) => {
        if (this.ledgerSku === sku) this.ledger = rows;
      },
    );
  }

  /** Shows the ledger of one product (or of all with null). */
  filterLedger(sku: string | null): Promise<void> {
    if (sku !== this.ledgerSku) this.ledger = null;
    this.ledgerSku = sku;
    return this.loadLedger();
  }

  #loadStockAndLedger(): void {
    void this.loadStock();
    void this.loadLedger();
  }

  /**
   * Sets a product's stock. The refusal is not a banner: its sentence is returned, to be shown
   * beside the field the owner typed in. Null when it was stored.
   */
  async setStock(sku: string, quantity: string): Promise<string | null> {
    if (!inApp) {
      this.report('error.notInApp', '');
      return '';
    }
    try {
      const product = await api.setStock(sku, quantity);
      if (this.products) {
        this.products = this.products.map((p) => (p.sku === product.sku ? product : p));
      }
      void this.loadLedger();
      return null;
    } catch (error) {
      return errorText(error);
    }
  }

  /** Reads every setting; fields being edited keep the owner's draft. */
  loadSettings(): Promise<void> {
    return this.#load('error.settings', this.#settingsLoad, api.listSettings, (list) => {
      this.#applySettings(list);
    });
  }

  #applySettings(list: Setting[]): void {
    const current = this.settings ?? {};
    const next: Record<string, SettingField> = {};
    for (const { key, value } of list) {
      if (CONNECTION_KEYS.has(key)) continue;
      const field = current[key];
      if (field) {
        field.sync(value);
        next[key] = field;
      } else {
        next[key] = new SettingField(key, value);
      }
    }
    this.settings = next;
  }

  isSelected(order: OrderRef): boolean {
    const s = this.selected;
    return s !== null && s.id === order.id && sameSource(s.source, order.source);
  }

  openOrder(order: OrderRef): Promise<void> {
    if (!this.isSelected(order)) this.detail = null;
    this.selected = { id: order.id, source: order.source };
    return this.#loadDetail();
  }

  closeOrder(): void {
    this.selected = null;
    this.detail = null;
    this.clear('error.order');
  }

  #loadDetail(): Promise<void> {
    const ref = this.selected;
    if (!ref) return Promise.resolve();
    return this.#load(
      'error.order',
      this.#detailLoad,
      () => api.orderDetail(ref.id, ref.source),
      (detail) => {
        if (this.isSelected(ref)) this.detail = detail;
      },
    );
  }

  async restartListener(): Promise<void> {
    if (this.restarting) return;
    this.restarting = true;
    try {
      const status = await this.#run('error.restart', api.restartListener);
      if (status) this.#setListener(status);
    } finally {
      this.restarting = false;
    }
    // The port may have changed, and with it the local and delivery URLs.
    await this.loadConnection();
  }

  async sendTestOrder(): Promise<void> {
    if (this.testOrderBusy) return;
    if (!inApp) {
      this.report('error.notInApp', '');
      return;
    }
    this.testOrderBusy = true;
    this.testOrder = null;
    try {
      const sent = await api.sendTestOrder();
      this.clear('error.testOrder');
      this.testOrder = { ok: true, orderId: sent.order_id };
    } catch (error) {
      this.report('error.testOrder', error);
      this.testOrder = { ok: false, message: errorText(error) };
    } finally {
      this.testOrderBusy = false;
    }
  }

  #setListener(status: ListenerStatus): void {
    this.listener = status;
    if (this.connection) this.connection = { ...this.connection, listener: status };
  }

  /** Loads everything and follows the core's events; returns the function that stops following. */
  start(): () => void {
    if (!inApp) {
      this.report('error.notInApp', '');
      this.orders = [];
      return () => {};
    }
    let stopped = false;
    let unlisten: (() => void) | null = null;
    const loadAll = () => {
      void this.loadOrders();
      void this.loadConnection();
      void this.loadActivity();
      void this.loadFailed();
      void this.loadDocuments();
      void this.loadSettings();
      this.#loadStockAndLedger();
    };
    // Listen first, then load: a change made in between is then announced, not missed.
    onComptoirEvent((event) => this.#onEvent(event)).then(
      (fn) => {
        if (stopped) return fn();
        unlisten = fn;
        loadAll();
      },
      (error) => {
        this.report('error.events', error);
        loadAll();
      },
    );
    return () => {
      stopped = true;
      unlisten?.();
    };
  }

  #onEvent(event: ComptoirEvent): void {
    switch (event.kind) {
      case 'delivery': {
        void this.loadOrders();
        const s = this.selected;
        if (s && event.woo_order_id === s.id && sameSource(event.source, s.source)) {
          void this.#loadDetail();
        }
        void this.loadActivity();
        // The rules may have made or changed documents, and with them stock and numbering.
        void this.loadDocuments();
        this.#loadStockAndLedger();
        const touched = event.documents;
        const open = this.selectedDocument;
        if (
          open !== null &&
          (!touched || touched.made.includes(open) || touched.changed.includes(open))
        ) {
          void this.#loadDocumentDetail();
        }
        if (!touched || touched.made.length > 0) void this.loadSettings();
        break;
      }
      case 'ping':
        void this.loadActivity();
        break;
      case 'failed_delivery':
        void this.loadFailed();
        void this.loadActivity();
        break;
      case 'turned_away':
        void this.loadConnection();
        void this.loadActivity();
        break;
      case 'listener': {
        const { state, port, local_url, reason } = event;
        this.#setListener({ state, port, local_url, reason });
        void this.loadConnection();
        break;
      }
    }
  }
}

export const app = new AppState();
