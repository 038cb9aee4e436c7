-- Settings the owner edits (validated by the application before they get here).
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- The newest known version of each WooCommerce order. `body` is the exact JSON WooCommerce
-- sent for that version; the other columns are read from it for lists and lookups.
CREATE TABLE orders (
    key               INTEGER PRIMARY KEY,
    source            TEXT    NOT NULL,  -- X-WC-Webhook-Source, the shop's home URL
    woo_id            INTEGER NOT NULL,
    number            TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    currency          TEXT    NOT NULL,
    total             TEXT    NOT NULL,  -- exact decimal, as WooCommerce wrote it
    total_tax         TEXT    NOT NULL,
    billing_email     TEXT,
    customer_name     TEXT    NOT NULL,
    customer_note     TEXT    NOT NULL,
    payment_method    TEXT    NOT NULL,
    date_created_gmt  TEXT,
    date_modified_gmt TEXT,
    date_paid_gmt     TEXT,
    paid              INTEGER NOT NULL CHECK (paid IN (0, 1)),
    trashed           INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1)),
    body_sha256       TEXT    NOT NULL,
    body              BLOB    NOT NULL,
    -- Goes up by one at every change, so later stages can tell what they have not seen yet.
    revision          INTEGER NOT NULL DEFAULT 1,
    first_seen_at     TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    UNIQUE (source, woo_id)
) STRICT;
CREATE INDEX orders_by_created ON orders (date_created_gmt DESC);

-- Every delivery that was accepted (signed and readable), whatever it changed.
CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    received_at  TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    topic        TEXT    NOT NULL,
    webhook_id   INTEGER,
    delivery_id  TEXT,
    body_sha256  TEXT    NOT NULL,
    body_len     INTEGER NOT NULL,
    woo_order_id INTEGER,
    order_key    INTEGER REFERENCES orders (key) ON DELETE SET NULL,
    -- created | updated | duplicate | stale | trashed | restored | ignored | unknown_order
    outcome      TEXT    NOT NULL
) STRICT;
CREATE INDEX deliveries_by_order ON deliveries (order_key, id);

-- Signed deliveries whose body could not be read, kept whole for the owner and for support.
CREATE TABLE failed_deliveries (
    id          INTEGER PRIMARY KEY,
    received_at TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    webhook_id  INTEGER,
    delivery_id TEXT,
    reason      TEXT    NOT NULL,
    body_sha256 TEXT    NOT NULL,
    body        BLOB    NOT NULL
) STRICT;

-- What happened, in the owner's words: pings, ignored deliveries, listener starts and stops.
CREATE TABLE activity (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    level   TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
    message TEXT NOT NULL
) STRICT;
