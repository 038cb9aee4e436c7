// What the window knows, shared by the screens. Data is loaded once at start and then again only
// when the core announces a change on `comptoir:event`: nothing polls.

import {
  api,
  errorText,
  inApp,
  onComptoirEvent,
  onPrintProgress,
  sameSource,
  type ActivityEntry,
  type ComptoirEvent,
  type ConnectionInfo,
  type DocumentDetail,
  type DocumentFilter,
  type DocumentRow,
  type EmailPreview,
  type FailedDelivery,
  type ListenerStatus,
  type OrderDetail,
  type OrderSummary,
  type OutboxRow,
  type Setting,
  type StockMovement,
  type StockProduct,
} from './api';
import type { Key } from './i18n';
import { SettingField } from './settings.svelte';

export type Screen = 'orders' | 'documents' | 'stock' | 'settings' | 'connection' | 'activity';

/** What the owner can do to a document from its detail. */
export type DocumentAction = 'finalize' | 'markPaid' | 'delete';

/** The documents list, or the e-mails waiting, being sent, sent or failed. */
export type DocumentsView = 'list' | 'outbox';

/** Where a sending or a printing was started: the open document, or the list's selection. */
export type Origin = 'review' | 'list';

/** A print job: being prepared (with progress), handed to the printer, or refused. */
export interface PrintJob {
  origin: Origin;
  printer: string;
  total: number;
  done: number;
  state: 'running' | 'done' | 'failed';
  /** The print system's job id, once handed over. */
  jobId: string | null;
  /** The core's sentence when it failed. */
  message: string | null;
}

export type TestEmailResult = { ok: true; answer: string; to: string } | { ok: false; message: string };

/** Documents were queued for e-mail from here. */
export interface SendNotice {
  origin: Origin;
  /** The documents queued. */
  ids: number[];
}

/** The printer chosen last, remembered across windows. */
const PRINTER_KEY = 'comptoir.printer';

function storedPrinter(): string {
  try {
    return localStorage.getItem(PRINTER_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * Keys no settings field edits (the Connection screen shows them its own way). The tunnel and shop
 * keys are edited as fields on the Connection screen.
 */
const CONNECTION_KEYS = new Set(['webhook.secret', 'listener.port']);

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
  /** The open document's e-mail as the customer will see it, and why it could not be shown. */
  documentEmail = $state.raw<EmailPreview | null>(null);
  documentEmailError = $state<string | null>(null);
  /** Bumped each time the open document is loaded again: its preview is fetched again then. */
  documentRevision = $state(0);

  documentsView = $state<DocumentsView>('list');
  /** Documents ticked in the list, for sending or printing several at once. */
  selection = $state.raw<number[]>([]);
  /** The outbox, one row per document e-mailed or to be e-mailed (oldest first). */
  outbox = $state.raw<OutboxRow[] | null>(null);
  /** The outbox row of each document. */
  outboxByDocument = $derived(new Map((this.outbox ?? []).map((row) => [row.document_id, row])));
  /** The delivery notes made today, for the morning's printing. */
  todaysNotes = $state.raw<DocumentRow[] | null>(null);

  sending = $state<Origin | null>(null);
  sendNotice = $state.raw<SendNotice | null>(null);
  /** How many of the documents just queued still wait to be sent (the notice says so). */
  waitingToSend = $derived(
    (this.sendNotice?.ids ?? []).filter((id) => {
      const row = this.outboxByDocument.get(id);
      return !row || row.state === 'queued' || row.state === 'sending';
    }).length,
  );

  /** The printers CUPS knows (default first); null until asked. */
  printers = $state.raw<string[] | null>(null);
  /** Why there is no printer list (CUPS missing…), as the core said it. */
  printersError = $state<string | null>(null);
  printersLoading = $state(false);
  /** The printer chosen (remembered); may be one the system no longer has. */
  printer = $state(storedPrinter());
  printJob = $state.raw<PrintJob | null>(null);

  testEmailBusy = $state(false);
  testEmail = $state.raw<TestEmailResult | null>(null);

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
  #emailLoad = latest();
  #outboxLoad = latest();
  #todaysLoad = latest();

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
        // A ticked document that left the list (deleted, filtered out) is no longer ticked.
        if (this.selection.length > 0) {
          const shown = new Set(rows.map((d) => d.id));
          const kept = this.selection.filter((id) => shown.has(id));
          if (kept.length !== this.selection.length) this.selection = kept;
        }
      },
    );
  }

  loadOutbox(): Promise<void> {
    return this.#load('error.outbox', this.#outboxLoad, api.listOutbox, (rows) => {
      this.outbox = rows;
    });
  }

  loadTodaysNotes(): Promise<void> {
    return this.#load('error.todaysNotes', this.#todaysLoad, api.todaysDeliveryNotes, (rows) => {
      this.todaysNotes = rows;
    });
  }

  isTicked(id: number): boolean {
    return this.selection.includes(id);
  }

  tick(id: number, ticked: boolean): void {
    const without = this.selection.filter((x) => x !== id);
    this.selection = ticked ? [...without, id] : without;
  }

  /** Ticks every id given (or unticks them all when `ticked` is false). */
  tickAll(ids: number[], ticked: boolean): void {
    const rest = this.selection.filter((x) => !ids.includes(x));
    this.selection = ticked ? [...rest, ...ids] : rest;
  }

  clearSelection(): void {
    this.selection = [];
  }

  /** Changes the documents filter and loads the list again. */
  filterDocuments(filter: DocumentFilter): Promise<void> {
    this.documentFilter = filter;
    return this.loadDocuments();
  }

  openDocument(id: number): Promise<void> {
    if (this.selectedDocument !== id) {
      this.documentDetail = null;
      this.documentEmail = null;
      this.documentEmailError = null;
      if (this.sendNotice?.origin === 'review') this.sendNotice = null;
      if (this.printJob?.origin === 'review' && this.printJob.state !== 'running') {
        this.printJob = null;
      }
    }
    this.selectedDocument = id;
    return this.#loadDocumentDetail();
  }

  /** Opens a document from elsewhere (the outbox), in the documents list. */
  showDocument(id: number): Promise<void> {
    this.screen = 'documents';
    this.documentsView = 'list';
    return this.openDocument(id);
  }

  closeDocument(): void {
    this.selectedDocument = null;
    this.documentDetail = null;
    this.documentEmail = null;
    this.documentEmailError = null;
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
        if (this.selectedDocument !== id) return;
        this.documentDetail = detail;
        this.documentRevision++;
        void this.#loadDocumentEmail(id);
      },
    );
  }

  /** The e-mail preview's refusal is shown in its place, not in the banner. */
  #loadDocumentEmail(id: number): Promise<void> {
    return this.#emailLoad(
      () => api.emailPreview(id),
      (outcome) => {
        if (this.selectedDocument !== id) return;
        if (outcome.ok) {
          this.documentEmail = outcome.value;
          this.documentEmailError = null;
        } else {
          this.documentEmail = null;
          this.documentEmailError = errorText(outcome.error);
        }
      },
    );
  }

  /** After documents were sent, printed (both finalise concepts) or changed. */
  #reloadAfterDocumentChange(): void {
    void this.loadDocuments();
    void this.loadOutbox();
    void this.loadTodaysNotes();
    void this.#loadDocumentDetail();
    // Finalising takes numbers from their series.
    void this.loadSettings();
  }

  /**
   * Saves the internal note, or a concept's customer-facing note (printed at the top), of a
   * document. Returns the core's refusal, shown beside the text; null once saved.
   */
  async saveNote(id: number, which: 'internal' | 'customer', note: string): Promise<string | null> {
    if (!inApp) {
      this.report('error.notInApp', '');
      return '';
    }
    try {
      const row =
        which === 'internal' ? await api.setDocumentNote(id, note) : await api.setCustomerNote(id, note);
      if (this.documents) this.documents = this.documents.map((d) => (d.id === row.id ? row : d));
      if (this.selectedDocument === id) await this.#loadDocumentDetail();
      return null;
    } catch (error) {
      return errorText(error);
    }
  }

  /**
   * Queues documents for e-mail (concepts are finalised first). The core stops at the first
   * refusal, after queuing the ones before it: the lists are read again either way.
   */
  async sendDocuments(ids: number[], origin: Origin): Promise<boolean> {
    if (this.sending !== null || ids.length === 0) return false;
    this.sending = origin;
    this.sendNotice = null;
    try {
      const rows = await this.#run('error.send', () => api.sendDocuments(ids));
      if (rows === undefined) return false;
      this.sendNotice = { origin, ids: rows.map((row) => row.id) };
      if (origin === 'list') this.tickAll(ids, false);
      return true;
    } finally {
      this.sending = null;
      if (inApp) this.#reloadAfterDocumentChange();
    }
  }

  /** Reads the printers again; keeps the owner's choice when the system still has it. */
  async loadPrinters(): Promise<void> {
    if (this.printersLoading) return;
    if (!inApp) {
      this.report('error.notInApp', '');
      return;
    }
    this.printersLoading = true;
    try {
      const list = await api.listPrinters();
      this.printers = list;
      this.printersError = null;
      if (!list.includes(this.printer)) this.printer = list[0] ?? '';
    } catch (error) {
      this.printers = [];
      this.printersError = errorText(error);
    } finally {
      this.printersLoading = false;
    }
  }

  choosePrinter(name: string): void {
    this.printer = name;
    try {
      localStorage.setItem(PRINTER_KEY, name);
    } catch {
      // Storage can be unavailable; the choice then lasts until the window closes.
    }
  }

  /** Prints documents in one job on the chosen printer; progress arrives on `comptoir:print`. */
  async printDocuments(ids: number[], origin: Origin): Promise<void> {
    const printer = this.printer;
    if (!printer || ids.length === 0 || this.printJob?.state === 'running') return;
    if (!inApp) {
      this.report('error.notInApp', '');
      return;
    }
    const job: PrintJob = {
      origin,
      printer,
      total: ids.length,
      done: 0,
      state: 'running',
      jobId: null,
      message: null,
    };
    this.printJob = job;
    try {
      const jobId = await api.printDocuments(ids, printer);
      this.printJob = { ...job, done: job.total, state: 'done', jobId };
      if (origin === 'list') this.tickAll(ids, false);
    } catch (error) {
      const done = this.printJob?.done ?? 0;
      this.printJob = { ...job, done, state: 'failed', message: errorText(error) };
    } finally {
      // Printing finalises concepts, even when the printer then refused the job.
      this.#reloadAfterDocumentChange();
    }
  }

  #onPrintProgress(done: number, total: number): void {
    const job = this.printJob;
    if (job?.state !== 'running') return;
    this.printJob = { ...job, done: Math.min(done, total), total };
  }

  async sendTestEmail(to: string): Promise<void> {
    if (this.testEmailBusy) return;
    if (!inApp) {
      this.report('error.notInApp', '');
      return;
    }
    this.testEmailBusy = true;
    this.testEmail = null;
    try {
      const answer = await api.sendTestEmail(to);
      this.testEmail = { ok: true, answer, to };
    } catch (error) {
      this.testEmail = { ok: false, message: errorText(error) };
    } finally {
      this.testEmailBusy = false;
    }
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
      void this.loadTodaysNotes();
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
    let unlistenPrint: (() => void) | null = null;
    const loadAll = () => {
      void this.loadOrders();
      void this.loadConnection();
      void this.loadActivity();
      void this.loadFailed();
      void this.loadDocuments();
      void this.loadOutbox();
      void this.loadTodaysNotes();
      void this.loadSettings();
      this.#loadStockAndLedger();
    };
    onPrintProgress((p) => this.#onPrintProgress(p.done, p.total)).then(
      (fn) => {
        if (stopped) fn();
        else unlistenPrint = fn;
      },
      // Without progress, a print job still ends with its result.
      () => {},
    );
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
      unlistenPrint?.();
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
        void this.loadTodaysNotes();
        // With automatic e-mail on, new documents go straight to the outbox.
        void this.loadOutbox();
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
      case 'mail':
        // Sent: the document is now "sent". Failed: the outbox says why.
        void this.loadOutbox();
        void this.loadDocuments();
        void this.loadActivity();
        if (this.selectedDocument === event.document_id) void this.#loadDocumentDetail();
        break;
    }
  }
}

export const app = new AppState();
