"""A realistic, deterministic demo database: the shop as staff would meet it on day one.

The same seed (and the same `today`) always gives the same customers, products, purchases
and staff, so a demo, a screenshot and a test all see the same people. Only PIN hashes
differ between builds (each has its own random salt), and they verify the documented PINs.
Purchases are written in bulk for speed; the customers' facts (visits, spend, last visit,
tier) are then computed from the purchase rows themselves, so they are exactly consistent.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from sqlite_utils import Database

from db.clock import to_iso, utcnow
from db.customers import search_index, tiers
from db.customers.allergens import split_allergies
from db.customers.records import create_customer
from db.errors import PermissionDenied
from db.i18n import _
from db.models import CustomerInput, FamilyDate
from db.security.staff_admin import _seed_staff
from db.settings import _seed_settings, load_settings
from db.store.connection import write

Progress = Callable[[str], None]

# ------------------------------------------------------------------ names and phrases
# Shared with the benchmark builder (console/bench.py), which needs the same realism.

FI_FIRST: tuple[str, ...] = (
    "Aino", "Eino", "Väinö", "Päivi", "Sini", "Tiina", "Mikko", "Jukka", "Satu", "Kaisa",
    "Anneli", "Pekka", "Matti", "Leena", "Heikki", "Sari", "Tuomas", "Jyrki", "Sanna", "Kalle",
    "Eeva", "Ilkka", "Riikka", "Tapio", "Hanna", "Jenni", "Jussi", "Ville", "Minna", "Olli",
    "Åsa", "Jörgen", "Säde", "Ylvä", "Mäikki", "Lauri", "Outi", "Kyösti", "Tyyne", "Hilkka",
)
FI_LAST: tuple[str, ...] = (
    "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
    "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
    "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
    "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen",
    "Ahonen", "Öhman", "Åberg", "Kärkkäinen", "Pääkkönen", "Väisänen", "Ström", "Hyvönen",
)
EN_FIRST: tuple[str, ...] = (
    "Emily", "James", "Olivia", "Oliver", "Sophie", "Thomas", "Grace", "Daniel", "Charlotte",
    "Jack", "Amelia", "Harry", "Isla", "George", "Lucy", "William", "Hannah", "Samuel",
    "Chloe", "Benjamin", "Margaret", "Arthur", "Zoe", "Noah",
)
EN_LAST: tuple[str, ...] = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "O'Brien", "MacDonald",
)
# (surname, romanisation for the e-mail address)
TW_SURNAMES: tuple[tuple[str, str], ...] = (
    ("陳", "chen"), ("林", "lin"), ("黃", "huang"), ("張", "chang"), ("李", "lee"),
    ("王", "wang"), ("吳", "wu"), ("劉", "liu"), ("蔡", "tsai"), ("楊", "yang"),
    ("許", "hsu"), ("鄭", "cheng"), ("謝", "hsieh"), ("郭", "kuo"), ("洪", "hung"),
    ("曾", "tseng"), ("邱", "chiu"), ("廖", "liao"), ("賴", "lai"), ("周", "chou"),
)
TW_GIVEN: tuple[str, ...] = (
    "美玲", "志明", "淑芬", "家豪", "怡君", "建宏", "雅婷", "俊傑", "欣怡", "冠宇",
    "宗翰", "佩珊", "文雄", "麗華", "國華", "嘉玲", "思妤", "承恩", "偉", "婷", "傑", "穎",
)
CN_SURNAMES: tuple[tuple[str, str], ...] = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
    ("杨", "yang"), ("赵", "zhao"), ("黄", "huang"), ("周", "zhou"), ("吴", "wu"),
    ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"),
    ("何", "he"), ("林", "lin"), ("罗", "luo"), ("郑", "zheng"),
)
CN_GIVEN: tuple[str, ...] = (
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "秀英", "晓东", "建国", "海燕", "志强", "丽娟", "春梅", "子涵", "浩然", "宇轩",
)

PREFERENCES: dict[str, tuple[str, ...]] = {
    "en": (
        "Oat milk flat white, extra hot.",
        "Likes the window table and the morning paper.",
        "Decaf after 3 pm; asks for the bill early.",
        "Prefers the quiet room; works on a laptop.",
        "Always takes a slice of carrot cake to go.",
        "Brings a reusable cup.",
    ),
    "fi": (
        "Kauramaito, ei sokeria.",
        "Istuu mielellään ikkunapöydässä.",
        "Hiljainen nurkkaus, lukee lehteä.",
        "Pitää mustikkapiirakasta vaniljakastikkeella.",
        "Kahvi aina tummapaahtoisena, kuppi lämmitettynä.",
        "Tilaa korvapuustin mukaan kotiin.",
    ),
    "zh-TW": (
        "喜歡靠窗的座位。",
        "拿鐵要燕麥奶，少糖。",
        "喜歡安靜的角落，常帶筆電。",
        "每次都點鳳梨酥外帶。",
        "咖啡要熱一點，不加奶精。",
    ),
    "zh-CN": (
        "喜欢靠窗的座位。",
        "拿铁要燕麦奶，少糖。",
        "喜欢安静的角落，常带笔记本电脑。",
        "每次都点蛋挞外带。",
        "茶要淡一点，不加冰。",
    ),
}
ALLERGIES: dict[str, tuple[str, ...]] = {
    "en": ("peanuts", "gluten", "lactose", "shellfish", "sesame", "egg", "tree nuts"),
    "fi": ("maapähkinä", "gluteeni", "laktoosi", "äyriäiset", "seesami", "kananmuna"),
    "zh-TW": ("花生", "麩質", "乳糖", "甲殼類", "芝麻", "蛋"),
    "zh-CN": ("花生", "麸质", "乳糖", "甲壳类", "芝麻", "鸡蛋"),
}
TAGS: dict[str, tuple[str, ...]] = {
    "en": ("regular", "window seat", "quiet room", "lively room", "takeaway", "vegan"),
    "fi": ("kanta-asiakas", "ikkunapaikka", "hiljainen huone", "vilkas sali", "mukaan",
           "vegaani"),
    "zh-TW": ("常客", "靠窗", "安靜區", "熱鬧區", "外帶", "素食"),
    "zh-CN": ("常客", "靠窗", "安静区", "热闹区", "外带", "素食"),
}
FAMILY_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("Wedding anniversary", "Daughter's birthday", "Son's birthday"),
    "fi": ("Hääpäivä", "Tyttären syntymäpäivä", "Pojan syntymäpäivä"),
    "zh-TW": ("結婚紀念日", "女兒生日", "兒子生日"),
    "zh-CN": ("结婚纪念日", "女儿生日", "儿子生日"),
}
PERSONALITY_CHOICES: tuple[str | None, ...] = (
    None, None, "lively", "decisive", "steady", "analytical",
)

# (sku, name, category, price in cents)
PRODUCTS: tuple[tuple[str, str, str, int], ...] = (
    ("COF-ESP", "Espresso", "Coffee", 280),
    ("COF-AME", "Americano", "Coffee", 350),
    ("COF-FIL", "Filter coffee", "Coffee", 290),
    ("COF-CAP", "Cappuccino", "Coffee", 420),
    ("COF-LAT", "Caffè latte", "Coffee", 450),
    ("COF-FLW", "Flat white", "Coffee", 440),
    ("COF-OAT", "Oat latte", "Coffee", 480),
    ("TEA-MAT", "Matcha latte", "Tea", 520),
    ("TEA-CHA", "Chai latte", "Tea", 490),
    ("TEA-GRN", "Green tea", "Tea", 350),
    ("TEA-JAS", "Jasmine tea 茉莉花茶", "Tea", 380),
    ("TEA-OOL", "Oolong tea 烏龍茶", "Tea", 420),
    ("DRK-CHO", "Hot chocolate", "Drinks", 450),
    ("DRK-ORJ", "Orange juice", "Drinks", 390),
    ("DRK-SPW", "Sparkling water", "Drinks", 250),
    ("BAK-KOR", "Cinnamon bun (korvapuusti)", "Bakery", 390),
    ("BAK-KAR", "Karelian pie (karjalanpiirakka)", "Bakery", 320),
    ("BAK-MUS", "Blueberry pie (mustikkapiirakka)", "Bakery", 480),
    ("BAK-CRO", "Croissant", "Bakery", 330),
    ("BAK-ALM", "Almond croissant", "Bakery", 420),
    ("BAK-PIN", "Pineapple cake 鳳梨酥", "Bakery", 350),
    ("BAK-EGG", "Egg tart 蛋挞", "Bakery", 300),
    ("BAK-CAR", "Carrot cake", "Bakery", 560),
    ("BAK-LEM", "Lemon tart", "Bakery", 540),
    ("FOO-SAL", "Salmon bagel", "Food", 890),
    ("FOO-AVO", "Avocado toast", "Food", 950),
    ("FOO-CHK", "Chicken salad", "Food", 1290),
    ("FOO-SOU", "Soup of the day", "Food", 1090),
    ("FOO-BNS", "Beef noodle soup 牛肉麵", "Food", 1450),
    ("FOO-SAN", "Cheese and ham sandwich", "Food", 790),
)

# (name, role, PIN, limit in cents; None = the manager limit from settings)
STAFF: tuple[tuple[str, str, str, int | None], ...] = (
    ("Maria Manager", "manager", "9999", None),
    ("Sami Supervisor", "supervisor", "2468", 5000),
    ("Lin Supervisor", "supervisor", "1357", 3000),
    ("Aino Staff", "staff", "1111", 0),
    ("Wei Staff", "staff", "2222", 0),
)

LANG_WEIGHTS: tuple[tuple[str, int], ...] = (("fi", 40), ("en", 20), ("zh-TW", 20),
                                             ("zh-CN", 20))


@dataclass(frozen=True)
class DemoSummary:
    """What `build_demo` wrote, for the command's message and for tests."""

    customers: int
    products: int
    purchases: int
    purchase_items: int
    staff: tuple[tuple[str, str, str], ...]  # (name, role, demo PIN)
    showcase: tuple[tuple[str, str], ...]  # (customer number, name) worth trying first


def random_name(rng: random.Random, language: str) -> str:
    """A plausible name in the script and order of `language`."""
    if language == "fi":
        return f"{rng.choice(FI_FIRST)} {rng.choice(FI_LAST)}"
    if language == "en":
        return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
    if language == "zh-TW":
        return rng.choice(TW_SURNAMES)[0] + rng.choice(TW_GIVEN)
    return rng.choice(CN_SURNAMES)[0] + rng.choice(CN_GIVEN)


def random_phone(rng: random.Random, language: str) -> str:
    """A phone number written the way each country writes it (spaces and all)."""
    if language == "fi":
        return f"0{rng.choice('45')}{rng.randint(0, 9)} {rng.randint(100, 999)} " \
               f"{rng.randint(1000, 9999)}"
    if language == "en":
        return f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
    if language == "zh-TW":
        return f"09{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    return f"+86 1{rng.randint(30, 89)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"


def _ascii_local(name: str, language: str, number: int) -> str:
    from db.text import fold

    if language in ("zh-TW", "zh-CN"):
        table = dict(TW_SURNAMES if language == "zh-TW" else CN_SURNAMES)
        return f"{table.get(name[0], 'guest')}{number}"
    return ".".join(fold(name).replace("'", "").split())


def _pick_language(rng: random.Random) -> str:
    return rng.choices([lang for lang, _ in LANG_WEIGHTS], [w for _, w in LANG_WEIGHTS])[0]


def _showcase(today: date) -> list[CustomerInput]:
    """Hand-written customers whose facts the README and the tests can name."""
    soon = today + timedelta(days=3)
    return [
        CustomerInput(
            name="陳美玲", phone="0912 345 678", email="meiling.chen@example.com",
            language="zh-TW", birth_month=today.month, birth_day=today.day,
            birth_year=None if (today.month, today.day) == (2, 29) else 1985,
            allergens=["peanuts"], preferences="拿鐵要燕麥奶，少糖。喜歡靠窗的座位。",
            tags=["常客", "靠窗"], consent_contact=True, personality="steady",
            family_dates=[FamilyDate("結婚紀念日", 5, 20)],
        ),
        CustomerInput(
            name="王伟", phone="+86 138 1234 5678", email="wang.wei@example.cn",
            language="zh-CN", birth_month=soon.month, birth_day=soon.day,
            allergies=["乳糖"], preferences="喜欢安静的角落，常带笔记本电脑。",
            tags=["外带"], consent_contact=True, personality="analytical",
        ),
        CustomerInput(
            name="Päivi Järvinen", phone="040 123 4567", email="paivi.jarvinen@example.fi",
            language="fi", birth_month=2, birth_day=29, birth_year=1972,
            allergens=["gluten"], allergies=["laktoosi"],
            preferences="Kauramaito, ei sokeria. Istuu mielellään ikkunapöydässä.",
            tags=["kanta-asiakas", "ikkunapaikka"], consent_contact=True,
            personality="lively", family_dates=[FamilyDate("Hääpäivä", 8, 14)],
        ),
        CustomerInput(
            name="Väinö Hämäläinen", phone="050 987 6543", language="fi",
            birth_month=12, birth_day=6, preferences="Hiljainen nurkkaus, lukee lehteä.",
            tags=["hiljainen huone"], consent_contact=False, personality="decisive",
        ),
        CustomerInput(
            name="Emily Carter", phone="+44 7700 900123", email="emily.carter@example.co.uk",
            language="en", birth_month=1, birth_day=2, birth_year=1990,
            allergens=["crustaceans", "molluscs"],
            preferences="Decaf after 3 pm; asks for the bill early.",
            tags=["regular", "quiet room"], consent_contact=True, personality="analytical",
        ),
        CustomerInput(
            name="林志明", phone="0933 222 111", language="zh-TW",
            preferences="每次都點鳳梨酥外帶。", tags=["外帶"], consent_contact=True,
        ),
    ]


def _random_customer(rng: random.Random, number: int, today: date,
                     coming_week: set[int]) -> CustomerInput:
    language = _pick_language(rng)
    name = random_name(rng, language)
    month = day = year = None
    if number in coming_week:
        moment = today + timedelta(days=number % 7)
        month, day = moment.month, moment.day
        year = rng.randint(today.year - 80, today.year - 18) if rng.random() < 0.6 else None
    elif rng.random() < 0.85:
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        year = rng.randint(today.year - 85, today.year - 16) if rng.random() < 0.6 else None
    typed = rng.sample(ALLERGIES[language], rng.choice((1, 1, 2))) \
        if rng.random() < 0.25 else []
    allergens, allergies = split_allergies(typed)  # the 14 as codes, the rest free text
    tags = rng.sample(TAGS[language], rng.randint(0, 2))
    family = []
    if rng.random() < 0.15:
        label = rng.choice(FAMILY_LABELS[language])
        family = [FamilyDate(label, rng.randint(1, 12), rng.randint(1, 28))]
    email = ""
    if rng.random() < 0.55:
        domain = {"fi": "example.fi", "en": "example.com", "zh-TW": "example.tw",
                  "zh-CN": "example.cn"}[language]
        email = f"{_ascii_local(name, language, number)}@{domain}"
    if year is not None and month == 2 and day == 29 and not calendar.isleap(year):
        year = None
    return CustomerInput(
        name=name,
        phone=random_phone(rng, language) if rng.random() < 0.8 else "",
        email=email,
        language=language,
        birth_month=month,
        birth_day=day,
        birth_year=year,
        allergies=allergies,
        allergens=allergens,
        preferences=rng.choice(PREFERENCES[language]) if rng.random() < 0.7 else "",
        tags=tags,
        family_dates=family,
        consent_contact=rng.random() < 0.7,
        personality=rng.choice(PERSONALITY_CHOICES),
    )


def build_demo(
    db: Database,
    *,
    customers: int = 400,
    seed: int = 7,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo shop; everything in one transaction.

    The demo adds staff with published PINs and decides compensation without PINs (an
    internal, audited path), so it is refused (PermissionDenied) on a database that already
    holds customers, staff, products or purchases: it can never add a known manager PIN to
    a real shop.
    """
    today = today or utcnow().date()
    rng = random.Random(seed)
    say = progress or (lambda _msg: None)
    with write(db):
        if not is_empty(db):
            raise PermissionDenied(_("This database already holds data. The demo is built "
                                     "only into an empty database."))
        settings = load_settings(db)
        _seed_settings(db, settings)
        say("staff")
        staff_rows = []
        staff_ids = []
        for name, role, pin, limit in STAFF:
            member = _seed_staff(
                db, name, role,  # type: ignore[arg-type]
                limit_minor=settings.manager_limit_minor if limit is None else limit,
                pin=pin,
            )
            staff_ids.append(member.id)
            staff_rows.append((name, role, pin))
        say("products")
        product_ids = []
        for sku, pname, category, price in PRODUCTS:
            cur = db.execute(
                "INSERT INTO products(sku, name, category, price_minor) VALUES (?, ?, ?, ?)",
                [sku, pname, category, price],
            )
            product_ids.append((int(cur.lastrowid or 0), pname, price))
        say("customers")
        showcase = _showcase(today)
        count = max(customers, 0)
        coming_week = {n for n in range(len(showcase) + 1, count + 1) if n % 53 == 0}
        made: list[tuple[int, str]] = []
        for number in range(1, count + 1):
            if number <= len(showcase):
                data = showcase[number - 1]
            else:
                data = _random_customer(rng, number, today, coming_week)
            data = replace(data, external_id=f"DEMO-{number:05d}")
            customer = create_customer(db, data)
            made.append((customer.id, customer.customer_no))
            if number % 100 == 0:
                say(f"customers {number}/{count}")
        say("purchases")
        n_purchases, n_items = _purchases(db, rng, made, product_ids, staff_ids, today)
        _recompute_facts(db)
        say("service history")
        from db.service.demo import _populate_service_history

        _populate_service_history(db, seed=seed, today=today, progress=say)
    shown = tuple(
        (number, data.name) for (_, number), data in zip(made, showcase, strict=False)
    )
    return DemoSummary(
        customers=count, products=len(PRODUCTS), purchases=n_purchases,
        purchase_items=n_items, staff=tuple(staff_rows), showcase=shown,
    )


def _purchases(
    db: Database,
    rng: random.Random,
    customers: list[tuple[int, str]],
    products: list[tuple[int, str, int]],
    staff_ids: list[int],
    today: date,
) -> tuple[int, int]:
    """Two years of visits: a few regulars, many occasional guests, some never back."""
    start = datetime(today.year, today.month, today.day, tzinfo=UTC) - timedelta(days=730)
    purchase_rows: list[tuple[object, ...]] = []
    item_rows: list[tuple[object, ...]] = []
    next_id = (db.execute("SELECT coalesce(max(id), 0) FROM purchases").fetchone()[0]) + 1
    created = to_iso(utcnow())
    for index, (customer_id, _number) in enumerate(customers):
        if index == 0:
            visits = 180  # the showcase regular: platinum
        elif index < 6:
            visits = rng.randint(20, 70)
        else:
            roll = rng.random()
            visits = (0 if roll < 0.15 else rng.randint(1, 6) if roll < 0.7
                      else rng.randint(7, 40) if roll < 0.95 else rng.randint(41, 160))
        favourites = rng.sample(products, 3)
        for _visit in range(visits):
            minutes = rng.randint(0, 730 * 24 * 60 - 1)
            moment = start + timedelta(minutes=minutes)
            if not 7 <= moment.hour <= 20:
                moment = moment.replace(hour=7 + moment.hour % 14)
            lines: list[tuple[int, str, int, int]] = []
            for _line in range(rng.choice((1, 1, 2, 2, 3, 4))):
                product = rng.choice(favourites) if rng.random() < 0.6 else rng.choice(products)
                if any(line[0] == product[0] for line in lines):
                    continue
                lines.append((product[0], product[1], rng.choice((1, 1, 1, 2, 3)), product[2]))
            total = sum(q * price for _pid, _name, q, price in lines)
            purchase_rows.append((next_id, customer_id, to_iso(moment), total,
                                  rng.choice(staff_ids), created))
            for pid, pname, quantity, price in lines:
                item_rows.append((next_id, customer_id, pid, pname, quantity, price))
            next_id += 1
    db.conn.executemany(
        "INSERT INTO purchases(id, customer_id, purchased_at, total_minor, staff_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        purchase_rows,
    )
    db.conn.executemany(
        "INSERT INTO purchase_items(purchase_id, customer_id, product_id, name, quantity, "
        "unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)",
        item_rows,
    )
    return len(purchase_rows), len(item_rows)


def _recompute_facts(db: Database) -> None:
    """Visits, spend and last visit from the purchase rows; then the tier from those."""
    db.execute(
        """
        UPDATE customers SET
            visits = (SELECT count(*) FROM purchases p WHERE p.customer_id = customers.id),
            total_spend_minor = (SELECT coalesce(sum(total_minor), 0) FROM purchases p
                                 WHERE p.customer_id = customers.id),
            last_visit_at = (SELECT max(purchased_at) FROM purchases p
                             WHERE p.customer_id = customers.id)
        """
    )
    # The search score from every purchase on its day (the update above could only take
    # the visits as weekly), and the search index keyed by it.
    search_index.score_customers(db)
    search_index.rekey(db)
    now = to_iso(utcnow())
    rows = db.execute("SELECT id, total_spend_minor, visits FROM customers").fetchall()
    db.conn.executemany(
        "UPDATE customers SET tier = ?, tier_rated_at = ? WHERE id = ?",
        [(tiers.rate(spend, visits), now, cid) for cid, spend, visits in rows],
    )


def is_empty(db: Database) -> bool:
    """True when the database holds no customers, staff, products or purchases yet."""
    for table in ("customers", "staff", "purchases", "products"):
        if db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return False
    return True


