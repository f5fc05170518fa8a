"""Schema as forward migrations (sqlite-utils `Migrations`).

The schema version is the number of applied migrations of the ``counterpart`` set. Add a
new function at the end; never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("counterpart")

APPLICATION_ID = 0x43505254
"""`PRAGMA application_id` of every Counterpart database ("CPRT"): a SQLite file with
another id is another program's and is refused at open, untouched."""


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
def m002_consents_and_erasure(db: Database) -> None:
    """Consent history (who, when, how) and erasure of personal data on request."""
    db.executescript(
        """
        CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            kind TEXT NOT NULL CHECK (kind IN ('contact', 'allergies')),
            granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
            recorded_at TEXT NOT NULL,
            recorded_by INTEGER REFERENCES staff(id),
            method TEXT NOT NULL
        );
        CREATE INDEX consents_customer ON consents(customer_id, kind, id);
        ALTER TABLE customers ADD COLUMN erased_at TEXT;
        CREATE TABLE erasures (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            erased_at TEXT NOT NULL,
            erased_by INTEGER NOT NULL REFERENCES staff(id),
            reason TEXT NOT NULL
        );
        -- Consent that existed before this version is recorded as given at import.
        INSERT INTO consents (customer_id, kind, granted, recorded_at, recorded_by, method)
        SELECT id, 'contact', 1, updated_at, NULL, 'import' FROM customers
        WHERE consent_contact = 1;
        """
    )


@migrations()
def m003_audit_row_hash(db: Database) -> None:
    """Audit entries also vouch for the values of the rows they are about (`db.security.audit`).

    NULL for the entries written before: those keep their original hash and are checked by
    their chain only.
    """
    db.execute("ALTER TABLE audit_log ADD COLUMN row_hash TEXT")


@migrations()
def m002_drafts_by_owner(db: Database) -> None:
    """A draft belongs to the person who typed it, not to the console it was typed on.

    Old drafts get the staff member who took the entry (`taken_by` in the payload) as their
    owner when that is unambiguous; any other old draft is kept without an owner, for a
    manager to look at and discard.
    """
    statements = (
        """
        CREATE TABLE drafts_by_owner (
            id INTEGER PRIMARY KEY,
            owner_id INTEGER REFERENCES staff(id),
            form TEXT NOT NULL,
            console_id TEXT NOT NULL DEFAULT '',
            payload TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (owner_id, form)
        )""",
        """
        INSERT OR IGNORE INTO drafts_by_owner(owner_id, form, console_id, payload, updated_at)
            SELECT s.id, d.form, d.console_id, d.payload, d.updated_at
            FROM drafts d JOIN staff s ON s.id = (
                CASE WHEN json_valid(d.payload) THEN json_extract(d.payload, '$.taken_by') END)
            ORDER BY d.updated_at DESC""",
        """
        INSERT INTO drafts_by_owner(owner_id, form, console_id, payload, updated_at)
            SELECT NULL, d.form, d.console_id, d.payload, d.updated_at FROM drafts d
            WHERE NOT EXISTS (SELECT 1 FROM drafts_by_owner n
                              WHERE n.console_id = d.console_id AND n.form = d.form
                                AND n.updated_at = d.updated_at AND n.payload = d.payload)""",
        "DROP TABLE drafts",
        "ALTER TABLE drafts_by_owner RENAME TO drafts",
        "CREATE INDEX drafts_updated ON drafts(updated_at)",
    )
    for statement in statements:  # one by one: executescript would commit mid-migration
        db.execute(statement)


@migrations()
def m005_application_id(db: Database) -> None:
    """Mark the file as Counterpart's; `open_database` checks the mark before writing."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@migrations()
def m006_search_ignores_zero_width(db: Database) -> None:
    """Search keys drop zero-width characters, so "anna" finds "Ann\u200ba".

    Nothing to do here any more: `m003_search_regulars_first`, later in this list, rebuilds
    every customer's search keys with the same rule.
    """


@migrations()
def m002_approvals_pin_failures_pin_key(db: Database) -> None:
    """Single-use approvals, wrong PINs counted per console and shop-wide, the PIN key's id."""
    db.executescript(
        """
        -- One PIN check -> one approval for one action (who, what, subject, amount, when).
        -- The write it allows marks it used in the same transaction; it expires in minutes.
        CREATE TABLE approvals (
            id INTEGER PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            staff_id INTEGER NOT NULL REFERENCES staff(id),
            action TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            amount_minor INTEGER NOT NULL DEFAULT 0,
            console_id TEXT NOT NULL DEFAULT '',
            granted_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        );

        -- Every wrong PIN (or a PIN without the right), kept so a restart, a new console id
        -- or a fresh config folder gives no extra tries. `cleared` = a right PIN at that
        -- console since; it still counts towards the shop-wide limit.
        CREATE TABLE pin_failures (
            id INTEGER PRIMARY KEY,
            console_id TEXT NOT NULL,
            at TEXT NOT NULL,
            cleared INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX pin_failures_at ON pin_failures(at);
        DROP TABLE pin_lockouts;

        -- The id (not the secret) of the key mixed into every PIN hash; the key itself is a
        -- file in each console's config folder.
        CREATE TABLE pin_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            key_id TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m013_letter_fields(db: Database) -> None:
    """What a letter needs that the record did not hold (issue 13).

    ``complaints.prevention``: what we change so it does not happen again (beside the real
    cause); ``complaints.letter_words``: what the customer reads about what happened and what
    was done, written in the letter's language (internal notes never print);
    ``customers.form_of_address``: how a letter greets them ("Ms Williams", "王小姐"); empty
    means the full name.
    """
    db.executescript(
        """
        ALTER TABLE complaints ADD COLUMN prevention TEXT NOT NULL DEFAULT '';
        ALTER TABLE complaints ADD COLUMN letter_words TEXT NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN form_of_address TEXT NOT NULL DEFAULT '';
        """
    )


@migrations()
def m002_allergen_codes(db: Database) -> None:
    """The 14 EU allergens as codes (`allergens`); `allergies` keeps the free text.

    Existing free text is mapped the way an import maps it: "peanuts", "maapähkinä" or
    "花生" becomes the code `peanuts`; what names none of the 14 stays free text.
    """
    import json

    from db.customers.allergens import split_allergies

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
    """Search index keyed by recency (`db.customers.search_index`); phone numbers in every form."""
    import json

    from db.customers.phones import DEFAULT_REGION, region_from_locale
    from db.customers.search_index import SCHEMA, rebuild

    db.execute("DROP TABLE customer_terms")
    for statement in SCHEMA:
        db.execute(statement)
    # the locale as the settings table held it then (m019_shops moved it per shop)
    row = db.execute("SELECT value FROM settings WHERE key = 'locale'").fetchone()
    rebuild(db, region_from_locale(str(json.loads(row[0]))) if row else DEFAULT_REGION)


@migrations()
def m014_follow_ups_by_complaint(db: Database) -> None:
    """The report counts a promise or a closed follow-up as that recovery step done, per
    complaint: without this index a month's report scanned every follow-up per complaint."""
    db.execute("CREATE INDEX IF NOT EXISTS follow_ups_complaint ON follow_ups(complaint_id)")


@migrations()
def m015_customer_first_visit(db: Database) -> None:
    """An imported customer's first visit, as the other system knew it (a fact, not a
    purchase): letters name the year they first came."""
    db.execute("ALTER TABLE customers ADD COLUMN first_visit_at TEXT")


@migrations()
def m016_fmt_purchases_customer_email(db: Database) -> None:
    """Imported orders (Shopify's carry only the buyer's e-mail) find their customer by
    e-mail, case-insensitively: without this index each order scanned every customer."""
    db.execute("CREATE INDEX IF NOT EXISTS customers_email_nocase "
               "ON customers(email COLLATE NOCASE)")


@migrations()
def m016_search_frecency(db: Database) -> None:
    """Search ranks by a frecency score (`db.customers.search_index`): a regular who came this week
    outranks a one-off guest who came yesterday. Scores come from each customer's purchases;
    the index is re-keyed from its stored text (no document is recomputed)."""
    from db.customers.search_index import rekey, score_customers

    db.execute("DROP TRIGGER IF EXISTS customers_search_rank")  # the older key's
    db.execute("ALTER TABLE customers ADD COLUMN search_score REAL")
    score_customers(db)
    rekey(db)  # and the trigger that keeps scores and keys current


@migrations()
def m016_import_engine(db: Database) -> None:
    """Imports that never block other tills (`db.imports.job`): each import has a row in
    `imports` (its state and progress, written in the same short transactions that merge
    it), the id ranges of the customers it added and the previous values of those it changed
    (to undo it), and a hash of every imported row so an unchanged row is skipped next time."""
    script = (
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            state TEXT NOT NULL
                CHECK (state IN ('staging', 'merging', 'undoing', 'done', 'undone')),
            path TEXT NOT NULL,
            file_size INTEGER NOT NULL,
            file_mtime_ns INTEGER NOT NULL,
            options TEXT NOT NULL,
            stage_path TEXT NOT NULL,
            rows INTEGER NOT NULL DEFAULT 0,
            to_add INTEGER NOT NULL DEFAULT 0,
            to_update INTEGER NOT NULL DEFAULT 0,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            new_done INTEGER NOT NULL DEFAULT 0,
            update_done INTEGER NOT NULL DEFAULT 0,
            consent_floor INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE import_added (
            import_id INTEGER NOT NULL REFERENCES imports(id),
            first_id INTEGER NOT NULL,
            last_id INTEGER NOT NULL,
            PRIMARY KEY (import_id, first_id)
        ) WITHOUT ROWID;
        CREATE TABLE import_undo (
            import_id INTEGER NOT NULL REFERENCES imports(id),
            customer_id INTEGER NOT NULL,
            old_row TEXT NOT NULL,
            old_hash BLOB,
            PRIMARY KEY (import_id, customer_id)
        ) WITHOUT ROWID;
        CREATE TABLE import_row_hashes (
            hash BLOB PRIMARY KEY,
            external_id TEXT NOT NULL,
            import_id INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX import_row_hashes_external ON import_row_hashes(external_id);
        CREATE INDEX import_row_hashes_import ON import_row_hashes(import_id);
        """
    )
    _each_statement(db, script)


@migrations()
def m017_change_log(db: Database) -> None:
    """What changed, for the other tills (`db.store.changes`): one row per write and entity, not
    per row (an import is one row), pruned to about the last hour."""
    db.execute(
        """
        CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            entity_id INTEGER NOT NULL DEFAULT 0,
            at TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT ''
        )
        """
    )


@migrations()
def m017_till_names(db: Database) -> None:
    """Which till wrote what (`db.tills`), and complaints that know their own version.

    ``till`` on complaints, purchases, approvals, authorisations, letters and vouchers (plus
    who redeemed a voucher and closed a follow-up, where); rows written before are from an
    unknown till (''). ``version`` on complaints and customers grows by one with every edit,
    and ``updated_by``/``updated_till`` say who made the last one, so a till saving over a
    change it has not seen is refused (`db.service.complaints.update_complaint`,
    `db.customers.records.update_customer`).
    """
    statements = (
        *(f"ALTER TABLE {table} ADD COLUMN till TEXT NOT NULL DEFAULT ''"
          for table in ("complaints", "purchases", "approvals", "authorisations", "letters",
                        "vouchers")),
        "ALTER TABLE vouchers ADD COLUMN redeemed_till TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE follow_ups ADD COLUMN closed_till TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE complaints ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE complaints ADD COLUMN updated_by INTEGER REFERENCES staff(id)",
        "ALTER TABLE complaints ADD COLUMN updated_till TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE customers ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE customers ADD COLUMN updated_by INTEGER REFERENCES staff(id)",
        "ALTER TABLE customers ADD COLUMN updated_till TEXT NOT NULL DEFAULT ''",
    )
    for statement in statements:  # one by one: executescript would commit mid-migration
        db.execute(statement)


@migrations()
def m018_client_keys(db: Database) -> None:
    """A retried save is recognised, not written twice: ``client_key`` on complaints and
    purchases is a random key the till makes once per entry
    (`db.service.complaints.create_complaint`,
    `db.customers.purchases.record_purchase`); a second insert with the same key returns the first
    row. It matters on a server: a save whose reply was lost with the connection may have
    committed, and the person presses Save again. NULL (older rows, callers without a key)
    is never matched."""
    for table in ("complaints", "purchases"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN client_key TEXT")
        db.execute(f"CREATE UNIQUE INDEX {table}_client_key ON {table}(client_key)")


@migrations()
def m019_shops(db: Database) -> None:
    """Shops of one company (`db.shops`): one database may hold several shops.

    ``shops`` lists them; every existing database is shop 1, named after its shop name
    setting. Each shop's settings move to ``shop_settings`` (shop 1 gets the values it has
    today); the ``settings`` table keeps what belongs to the company (the audit log's head,
    extra causes, company settings). ``staff_shops`` says who works where (every existing
    staff member works at shop 1). Complaints, purchases, vouchers and wrong PINs record the
    shop where they happened (``shop_id``, 1 for existing rows); customers stay shared.
    """
    import json
    from dataclasses import fields

    from db.clock import to_iso, utcnow
    from db.models import ShopSettings

    keys = [f.name for f in fields(ShopSettings)]
    marks = ", ".join("?" for _k in keys)
    stored = db.execute("SELECT value FROM settings WHERE key = 'shop_name'").fetchone()
    name = str(json.loads(stored[0])) if stored else ShopSettings().shop_name
    statements: tuple[tuple[str, list[object]], ...] = (
        ("""
        CREATE TABLE shops (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            created_at TEXT NOT NULL
        )""", []),
        ("INSERT INTO shops(id, name, created_at) VALUES (1, ?, ?)",
         [name, to_iso(utcnow())]),
        ("""
        CREATE TABLE shop_settings (
            shop_id INTEGER NOT NULL REFERENCES shops(id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (shop_id, key)
        )""", []),
        (f"INSERT INTO shop_settings(shop_id, key, value) SELECT 1, key, value FROM settings "
         f"WHERE key IN ({marks})", list(keys)),
        (f"DELETE FROM settings WHERE key IN ({marks})", list(keys)),
        ("""
        CREATE TABLE staff_shops (
            staff_id INTEGER NOT NULL REFERENCES staff(id),
            shop_id INTEGER NOT NULL REFERENCES shops(id),
            PRIMARY KEY (staff_id, shop_id)
        )""", []),
        ("CREATE INDEX staff_shops_shop ON staff_shops(shop_id, staff_id)", []),
        ("INSERT INTO staff_shops(staff_id, shop_id) SELECT id, 1 FROM staff", []),
        *((f"ALTER TABLE {table} ADD COLUMN shop_id INTEGER NOT NULL DEFAULT 1", [])
          for table in ("complaints", "purchases", "vouchers", "pin_failures")),
        ("CREATE INDEX complaints_shop_day ON complaints(shop_id, local_date)", []),
    )
    for statement, params in statements:  # one by one: executescript would commit
        db.execute(statement, params)


@migrations()
def m020_customer_client_keys(db: Database) -> None:
    """A new customer saved again after its answer was lost (the database server went
    away just then) is recognised, not added twice: ``client_key`` on customers, as
    m018 gave complaints and purchases (`db.customers.records.create_customer`). NULL (older
    rows, imports, callers without a key) is never matched."""
    db.execute("ALTER TABLE customers ADD COLUMN client_key TEXT")
    db.execute("CREATE UNIQUE INDEX customers_client_key ON customers(client_key)")


@migrations()
def m021_import_hashes_by_customer(db: Database) -> None:
    """An import's row hashes keyed by the customer's external id, its only index: keyed by
    the hash (random) with two more indexes, every merge slice of a large import rewrote
    pages all over three indexes (1,000,000 rows wrote 37 GB for a 900 MB database). A row
    is unchanged when the hash kept for its external id equals its own."""
    script = """
        CREATE TABLE import_row_hashes_by_id (
            external_id TEXT PRIMARY KEY,
            hash BLOB NOT NULL,
            import_id INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO import_row_hashes_by_id (external_id, hash, import_id)
            SELECT h.external_id, h.hash, h.import_id FROM import_row_hashes h
            WHERE NOT EXISTS (SELECT 1 FROM import_row_hashes o
                              WHERE o.external_id = h.external_id AND o.hash > h.hash);
        DROP TABLE import_row_hashes;
        ALTER TABLE import_row_hashes_by_id RENAME TO import_row_hashes
        """
    _each_statement(db, script)


@migrations()
def m022_import_terms_done(db: Database) -> None:
    """How far an import has merged the short search terms of the customers it added: a
    file database takes them a few slices after the customers (`db.imports.merge.
    merge_terms`), so that each slice writes the term table's pages for many customers."""
    db.execute("ALTER TABLE imports ADD COLUMN terms_done INTEGER NOT NULL DEFAULT 0")


def _each_statement(db: Database, script: str) -> None:
    """Run a step's script one statement at a time: executescript would commit (the steps'
    scripts hold no semicolons inside strings)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
