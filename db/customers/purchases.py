"""The product catalogue and purchases recorded at the counter."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.customers.records import get_customer, rerate
from db.errors import NotFound, ValidationError
from db.i18n import _
from db.models import Product, Purchase, PurchaseLine
from db.shops import shop_of
from db.store import changes
from db.store.connection import write
from db.text import clean_text
from db.tills import till_of

MAX_QUANTITY = 999
MAX_LINES = 200
PAGE_SIZE = 50


def list_products(db: Database, *, active_only: bool = True) -> list[Product]:
    where = "WHERE active = 1" if active_only else ""
    return [
        Product(id=r[0], sku=r[1], name=r[2], category=r[3], price_minor=r[4], active=bool(r[5]))
        for r in db.execute(
            f"SELECT id, sku, name, category, price_minor, active FROM products {where} "
            "ORDER BY category, name"
        )
    ]


def get_product(db: Database, product_id: int) -> Product:
    r = db.execute(
        "SELECT id, sku, name, category, price_minor, active FROM products WHERE id = ?",
        [product_id],
    ).fetchone()
    if r is None:
        raise NotFound(_("There is no product with id {id}.").format(id=product_id))
    return Product(id=r[0], sku=r[1], name=r[2], category=r[3], price_minor=r[4], active=bool(r[5]))


def add_product(db: Database, sku: str, name: str, category: str, price_minor: int) -> Product:
    sku, name, category = clean_text(sku), clean_text(name), clean_text(category)
    problems: dict[str, str] = {}
    if not sku.strip():
        problems["sku"] = _("A product code is required.")
    if not name.strip():
        problems["name"] = _("A name is required.")
    if price_minor < 0:
        problems["price"] = _("A price cannot be negative.")
    if problems:
        raise ValidationError(problems)
    with write(db):
        cur = db.execute(
            "INSERT INTO products(sku, name, category, price_minor) VALUES (?, ?, ?, ?)",
            [sku.strip(), name.strip(), category.strip(), price_minor],
        )
        changes.record(db, changes.PRODUCT, int(cur.lastrowid or 0))
    return get_product(db, int(cur.lastrowid or 0))


def record_purchase(
    db: Database,
    customer_id: int | None,
    items: list[tuple[int, int]],
    *,
    staff_id: int | None = None,
    purchased_at: datetime | None = None,
    receipt_id: str | None = None,
    client_key: str | None = None,
) -> Purchase:
    """Record (product id, quantity) pairs as one purchase at today's catalogue prices.

    `client_key` (made once per purchase by the till): a retry of a save whose answer was
    lost returns the purchase saved then instead of recording it twice."""
    if not items:
        raise ValidationError({"items": _("Add at least one item.")})
    if len(items) > MAX_LINES:
        raise ValidationError({"items": _("At most {n} lines.").format(n=MAX_LINES)})
    for _pid, quantity in items:
        if not 1 <= quantity <= MAX_QUANTITY:
            raise ValidationError(
                {"quantity": _("A quantity is 1 to {n}.").format(n=MAX_QUANTITY)}
            )
    if customer_id is not None:
        get_customer(db, customer_id)
    lines = []
    for product_id, quantity in items:
        product = get_product(db, product_id)
        lines.append(PurchaseLine(product.id, product.name, quantity, product.price_minor))
    return _insert_purchase(db, customer_id, lines, staff_id, purchased_at, receipt_id,
                            client_key)


def _insert_purchase(
    db: Database,
    customer_id: int | None,
    lines: list[PurchaseLine],
    staff_id: int | None,
    purchased_at: datetime | None,
    receipt_id: str | None,
    client_key: str | None = None,
) -> Purchase:
    when = purchased_at or utcnow()
    total = sum(line.total_minor for line in lines)
    with write(db):
        if client_key:
            saved = _saved_purchase(db, client_key)
            if saved is not None:
                return saved  # a retry: recorded already
        if receipt_id is not None:
            exists = db.execute(
                "SELECT 1 FROM purchases WHERE receipt_id = ?", [receipt_id]
            ).fetchone()
            if exists:
                raise ValidationError(
                    {"receipt_id": _("Receipt {id} is already recorded.").format(id=receipt_id)}
                )
        cur = db.execute(
            "INSERT INTO purchases(customer_id, receipt_id, purchased_at, total_minor, staff_id, "
            "created_at, till, client_key, shop_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [customer_id, receipt_id, to_iso(when), total, staff_id, to_iso(utcnow()),
             till_of(db), client_key or None, shop_of(db)],
        )
        purchase_id = int(cur.lastrowid or 0)
        db.conn.executemany(
            "INSERT INTO purchase_items(purchase_id, customer_id, product_id, name, quantity, "
            "unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (purchase_id, customer_id, ln.product_id, ln.name, ln.quantity,
                 ln.unit_price_minor)
                for ln in lines
            ],
        )
        if customer_id is not None:
            add_visit(db, customer_id, total, to_iso(when))
        changes.record(db, changes.PURCHASE, purchase_id)
        if customer_id is not None:
            changes.record(db, changes.CUSTOMER, customer_id)
    return Purchase(purchase_id, customer_id, receipt_id, when, total, tuple(lines))


def _saved_purchase(db: Database, client_key: str) -> Purchase | None:
    """The purchase recorded with `client_key`, with its lines; None when there is none."""
    row = db.execute("SELECT id, customer_id, receipt_id, purchased_at, total_minor "
                     "FROM purchases WHERE client_key = ?", [client_key]).fetchone()
    if row is None:
        return None
    items = db.execute("SELECT product_id, name, quantity, unit_price_minor "
                       "FROM purchase_items WHERE purchase_id = ? ORDER BY id",
                       [row[0]]).fetchall()
    lines = tuple(PurchaseLine(None if r[0] is None else int(r[0]), str(r[1]), int(r[2]),
                               int(r[3])) for r in items)
    return Purchase(int(row[0]), row[1], row[2], from_iso(row[3]) or utcnow(), int(row[4]),
                    lines)


def add_visit(db: Database, customer_id: int, total_minor: int, at_iso: str) -> None:
    """Keep the profile's facts current so opening a profile never sums history."""
    db.execute(
        "UPDATE customers SET visits = visits + 1, total_spend_minor = total_spend_minor + ?, "
        "last_visit_at = max(coalesce(last_visit_at, ''), ?) WHERE id = ?",
        [total_minor, at_iso, customer_id],
    )
    rerate(db, customer_id)


def purchases_page(
    db: Database,
    customer_id: int,
    *,
    after: tuple[str, int] | None = None,
    limit: int = PAGE_SIZE,
) -> list[Purchase]:
    """Newest first; pass the last row's (purchased_at ISO, id) to get the next page."""
    if after is None:
        rows = db.execute(
            "SELECT id, receipt_id, purchased_at, total_minor FROM purchases "
            "WHERE customer_id = ? ORDER BY purchased_at DESC, id DESC LIMIT ?",
            [customer_id, limit],
        ).fetchall()
    else:
        rows = db.execute(
            "SELECT id, receipt_id, purchased_at, total_minor FROM purchases "
            "WHERE customer_id = ? AND (purchased_at, id) < (?, ?) "
            "ORDER BY purchased_at DESC, id DESC LIMIT ?",
            [customer_id, after[0], after[1], limit],
        ).fetchall()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    marks = ",".join("?" * len(ids))
    lines: dict[int, list[PurchaseLine]] = {i: [] for i in ids}
    for pid, product_id, name, qty, price in db.execute(
        "SELECT purchase_id, product_id, name, quantity, unit_price_minor FROM purchase_items "
        f"WHERE purchase_id IN ({marks}) ORDER BY id",
        ids,
    ):
        lines[pid].append(PurchaseLine(product_id, name, qty, price))
    result = []
    for pid, receipt, at, total in rows:
        moment = from_iso(at)
        assert moment is not None
        result.append(Purchase(pid, customer_id, receipt, moment, total, tuple(lines[pid])))
    return result


def purchase_cursor(purchase: Purchase) -> tuple[str, int]:
    return (to_iso(purchase.purchased_at), purchase.id)
