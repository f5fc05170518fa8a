"""Schema as forward migrations (sqlite-utils `Migrations`).

The schema version is the number of applied migrations of the ``counterpart`` set. Add a
new function at the end; never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("counterpart")


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE staff (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            role TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'manager')),
            pin_hash TEXT,
            limit_minor INTEGER NOT NULL DEFAULT 0 CHECK (limit_minor >= 0),
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );

        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            customer_no TEXT NOT NULL UNIQUE,
            external_id TEXT UNIQUE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            phone TEXT NOT NULL DEFAULT '',
            phone_digits TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en',
            birth_month INTEGER CHECK (birth_month BETWEEN 1 AND 12),
            birth_day INTEGER CHECK (birth_day BETWEEN 1 AND 31),
            birth_year INTEGER,
            allergies TEXT NOT NULL DEFAULT '[]',
            preferences TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            family_dates TEXT NOT NULL DEFAULT '[]',
            consent_contact INTEGER NOT NULL DEFAULT 0,
            personality TEXT,
            tier TEXT NOT NULL DEFAULT 'new',
            tier_rated_at TEXT,
            visits INTEGER NOT NULL DEFAULT 0,
            total_spend_minor INTEGER NOT NULL DEFAULT 0,
            last_visit_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX customers_phone_digits ON customers(phone_digits);
        CREATE INDEX customers_birthday ON customers(birth_month, birth_day);

        -- Substring search for queries of three characters or more (any script).
        CREATE VIRTUAL TABLE customer_fts USING fts5(doc, tokenize = 'trigram');
        -- Shorter queries: folded words (prefix lookups), CJK characters and pairs.
        CREATE TABLE customer_terms (
            term TEXT NOT NULL,
            customer_id INTEGER NOT NULL,
            PRIMARY KEY (term, customer_id)
        ) WITHOUT ROWID;

        CREATE TABLE products (
            id INTEGER PRIMARY KEY,
            sku TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
            active INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE purchases (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER REFERENCES customers(id),
            receipt_id TEXT UNIQUE,
            purchased_at TEXT NOT NULL,
            total_minor INTEGER NOT NULL,
            staff_id INTEGER REFERENCES staff(id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX purchases_customer ON purchases(customer_id, purchased_at DESC, id DESC);

        CREATE TABLE purchase_items (
            id INTEGER PRIMARY KEY,
            purchase_id INTEGER NOT NULL REFERENCES purchases(id) ON DELETE CASCADE,
            customer_id INTEGER,
            product_id INTEGER REFERENCES products(id),
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0)
        );
        CREATE INDEX purchase_items_purchase ON purchase_items(purchase_id);
        CREATE INDEX purchase_items_customer ON purchase_items(customer_id, product_id);

        -- Running totals per customer and item, kept by triggers, so a profile's top three
        -- favourites come from a few rows, not a sum over 10,000 purchases.
        CREATE TABLE customer_items (
            customer_id INTEGER NOT NULL,
            item_key TEXT NOT NULL,             -- 'p' || product id, or 'n' || name
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (customer_id, item_key)
        ) WITHOUT ROWID;
        CREATE TRIGGER customer_items_add AFTER INSERT ON purchase_items
        WHEN NEW.customer_id IS NOT NULL BEGIN
            INSERT INTO customer_items(customer_id, item_key, name, quantity)
            VALUES (NEW.customer_id, coalesce('p' || NEW.product_id, 'n' || NEW.name),
                    NEW.name, NEW.quantity)
            ON CONFLICT (customer_id, item_key)
            DO UPDATE SET quantity = quantity + excluded.quantity, name = excluded.name;
        END;
        CREATE TRIGGER customer_items_remove AFTER DELETE ON purchase_items
        WHEN OLD.customer_id IS NOT NULL BEGIN
            UPDATE customer_items SET quantity = quantity - OLD.quantity
            WHERE customer_id = OLD.customer_id
              AND item_key = coalesce('p' || OLD.product_id, 'n' || OLD.name);
        END;

        -- Complaints, compliments and suggestions share one record.
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'complaint'
                CHECK (kind IN ('complaint', 'compliment', 'suggestion')),
            customer_id INTEGER REFERENCES customers(id),
            walk_in_name TEXT NOT NULL DEFAULT '',
            occurred_at TEXT NOT NULL,          -- UTC ISO 8601
            local_date TEXT NOT NULL,           -- the shop's local day, YYYY-MM-DD
            taken_by INTEGER NOT NULL REFERENCES staff(id),
            about_staff_id INTEGER REFERENCES staff(id),  -- compliment for / complaint about
            cause TEXT NOT NULL DEFAULT 'other',
            real_cause TEXT,
            problem TEXT NOT NULL DEFAULT '',
            severity INTEGER NOT NULL DEFAULT 1 CHECK (severity BETWEEN 1 AND 3),
            flags TEXT NOT NULL DEFAULT '[]',
            staff_account TEXT NOT NULL DEFAULT '',
            customer_request TEXT NOT NULL DEFAULT '',
            options_offered TEXT NOT NULL DEFAULT '',
            option_chosen TEXT NOT NULL DEFAULT '',
            resolution TEXT NOT NULL DEFAULT '',
            steps_done TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'resolved', 'promised', 'closed')),
            resolved_on_spot INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX complaints_day ON complaints(local_date);
        CREATE INDEX complaints_customer ON complaints(customer_id, occurred_at);

        CREATE TABLE vouchers (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            value_minor INTEGER NOT NULL CHECK (value_minor > 0),
            expires_on TEXT NOT NULL,
            customer_id INTEGER REFERENCES customers(id),
            complaint_id INTEGER REFERENCES complaints(id),
            issued_at TEXT NOT NULL,
            issued_by INTEGER REFERENCES staff(id),
            redeemed_at TEXT,
            redeemed_by INTEGER REFERENCES staff(id)
        );

        CREATE TABLE compensations (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            kind TEXT NOT NULL CHECK (kind IN ('apology', 'replacement', 'discount_percent',
                'discount_amount', 'free_item', 'voucher', 'waived_bill', 'refund')),
            description TEXT NOT NULL DEFAULT '',
            amount_minor INTEGER CHECK (amount_minor >= 0),
            bill_minor INTEGER CHECK (bill_minor >= 0),
            percent INTEGER CHECK (percent BETWEEN 0 AND 100),
            product_id INTEGER REFERENCES products(id),
            unit_price_minor INTEGER,
            expires_on TEXT,                    -- voucher lines: shop-local day, inclusive
            value_minor INTEGER NOT NULL DEFAULT 0 CHECK (value_minor >= 0),
            voucher_id INTEGER REFERENCES vouchers(id),
            status TEXT NOT NULL DEFAULT 'proposed'
                CHECK (status IN ('proposed', 'approved', 'refused')),
            authorisation_id INTEGER REFERENCES authorisations(id)
        );
        CREATE INDEX compensations_complaint ON compensations(complaint_id);

        CREATE TABLE authorisations (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            decided_by INTEGER NOT NULL REFERENCES staff(id),
            decision TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
            total_minor INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            console_id TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL
        );
        CREATE INDEX authorisations_complaint ON authorisations(complaint_id);

        CREATE TABLE follow_ups (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL REFERENCES complaints(id),
            promise TEXT NOT NULL,
            due_at TEXT NOT NULL,               -- UTC ISO 8601
            owner_id INTEGER NOT NULL REFERENCES staff(id),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            closed_at TEXT,
            closed_by INTEGER REFERENCES staff(id),
            outcome TEXT NOT NULL DEFAULT '',
            satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
            reliability INTEGER CHECK (reliability BETWEEN 1 AND 5),
            empathy INTEGER CHECK (empathy BETWEEN 1 AND 5),
            tangibles INTEGER CHECK (tangibles BETWEEN 1 AND 5),
            responsiveness INTEGER CHECK (responsiveness BETWEEN 1 AND 5),
            would_change TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX follow_ups_due ON follow_ups(status, due_at);

        CREATE TABLE letters (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('apology', 'thank-you', 'birthday')),
            customer_id INTEGER REFERENCES customers(id),
            complaint_id INTEGER REFERENCES complaints(id),
            language TEXT NOT NULL,
            body TEXT NOT NULL,
            pdf BLOB,
            created_by INTEGER REFERENCES staff(id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX letters_customer ON letters(customer_id, created_at);

        -- A draft of a form, saved as it is typed, offered back after a crash.
        CREATE TABLE drafts (
            console_id TEXT NOT NULL,
            form TEXT NOT NULL,
            payload TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (console_id, form)
        );

        -- Failed PIN attempts per console survive a restart.
        CREATE TABLE pin_lockouts (
            console_id TEXT PRIMARY KEY,
            failed_count INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        );

        -- Append-only, hash-chained: each row carries the hash of the previous one.
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor_id INTEGER,
            action TEXT NOT NULL,
            entity TEXT NOT NULL DEFAULT '',
            entity_id INTEGER,
            details TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        -- Entries are never changed or removed, not even with the sqlite3 shell: someone
        -- must first drop these triggers, and `audit verify` still notices what they did.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be changed');
        END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN
            SELECT RAISE(ABORT, 'audit_log is append-only: an entry cannot be deleted');
        END;
        """
    )


@migrations()
def m002_allergen_codes(db: Database) -> None:
    """The 14 EU allergens as codes (`allergens`); `allergies` keeps the free text.

    Existing free text is mapped the way an import maps it: "peanuts", "maapähkinä" or
    "花生" becomes the code `peanuts`; what names none of the 14 stays free text.
    """
    import json

    from db.allergens import split_allergies

    db.execute("ALTER TABLE customers ADD COLUMN allergens TEXT NOT NULL DEFAULT '[]'")
    rows = db.execute(
        "SELECT id, allergies FROM customers WHERE allergies NOT IN ('[]', '')"
    ).fetchall()
    updates = []
    for customer_id, stored in rows:
        codes, free = split_allergies(json.loads(stored))
        updates.append((json.dumps(codes), json.dumps(free, ensure_ascii=False), customer_id))
    db.conn.executemany("UPDATE customers SET allergens = ?, allergies = ? WHERE id = ?", updates)


@migrations()
def m003_search_regulars_first(db: Database) -> None:
    """Search index keyed by recency (`db.search_index`); phone numbers in every form."""
    from db.phones import shop_region
    from db.search_index import SCHEMA, rebuild

    db.execute("DROP TABLE customer_terms")
    for statement in SCHEMA:
        db.execute(statement)
    rebuild(db, shop_region(db))
