-- Documents made from orders: order forms, delivery notes, invoices and credit notes.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    order_key     INTEGER NOT NULL REFERENCES orders (key),
    kind          TEXT    NOT NULL CHECK (kind IN ('order_form', 'delivery_note', 'invoice', 'credit_note')),
    -- Credit notes only: the WooCommerce refund id, or 0 for crediting the whole order.
    refund_id     INTEGER,
    state         TEXT    NOT NULL CHECK (state IN ('concept', 'final', 'sent', 'cancelled')),
    -- Given when made (order forms, delivery notes) or when finalised (invoices, credit notes).
    number        TEXT,
    number_year   INTEGER,
    number_seq    INTEGER,
    paid          INTEGER NOT NULL CHECK (paid IN (0, 1)),
    paid_by_hand  INTEGER NOT NULL DEFAULT 0 CHECK (paid_by_hand IN (0, 1)),
    language      TEXT    NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
    currency      TEXT    NOT NULL,
    total         TEXT    NOT NULL,
    total_vat     TEXT    NOT NULL,
    structured_communication TEXT UNIQUE,
    -- The lines, VAT summary and addresses as computed when the document was made (JSON).
    content       TEXT    NOT NULL,
    internal_note TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    finalized_at  TEXT,
    -- The PDF as it was e-mailed, kept in the data folder's sent/ folder (hex SHA-256).
    sent_pdf_sha256 TEXT,
    updated_at    TEXT    NOT NULL,
    UNIQUE (kind, number)
) STRICT;
-- At most one document of each kind per order; one credit note per refund.
CREATE UNIQUE INDEX documents_one_per_kind ON documents (order_key, kind) WHERE kind <> 'credit_note';
CREATE UNIQUE INDEX documents_one_per_refund ON documents (order_key, refund_id) WHERE kind = 'credit_note';

-- Concepts the owner deleted: the rules never make them again.
CREATE TABLE deleted_documents (
    order_key  INTEGER NOT NULL REFERENCES orders (key),
    kind       TEXT    NOT NULL,
    refund_id  INTEGER NOT NULL DEFAULT -1,
    deleted_at TEXT    NOT NULL,
    PRIMARY KEY (order_key, kind, refund_id)
) STRICT;

-- The next number of each series and year (year 0 when the series never resets).
CREATE TABLE number_counters (
    series TEXT    NOT NULL,
    year   INTEGER NOT NULL,
    next   INTEGER NOT NULL CHECK (next >= 1),
    PRIMARY KEY (series, year)
) STRICT;

-- Products seen in orders, by SKU. Stock stays unknown (NULL) until the owner sets it.
CREATE TABLE products (
    sku        TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    stock      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Every stock change: by a document (invoice down, credit note back, deleted concept back) or
-- by the owner (document_id NULL).
CREATE TABLE stock_movements (
    id          INTEGER PRIMARY KEY,
    sku         TEXT NOT NULL REFERENCES products (sku),
    document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    quantity    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL
) STRICT;
CREATE INDEX stock_movements_by_sku ON stock_movements (sku, id);

-- Documents waiting to be e-mailed. A row is made in the same transaction that finalises the
-- document, so nothing is queued twice; the sending itself is the mail worker's.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents (id),
    state       TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    -- Whether the last error can go away by itself (a server down) or needs the owner.
    last_error_temporary INTEGER,
    queued_at   TEXT    NOT NULL,
    next_attempt_at TEXT NOT NULL,
    first_failure_at TEXT,
    sent_at     TEXT,
    server_response TEXT
) STRICT;
