"""Search as you type in the data layer: every script, phone pieces, numbers, no table scan."""

from __future__ import annotations

import re

import pytest
from sqlite_utils import Database

from db.customers.records import create_customer, search_customers, update_customer
from db.models import CustomerInput

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL

PEOPLE = {
    "paivi": CustomerInput(name="Päivi Järvinen", phone="040 123 4567", language="fi",
                           email="paivi.j@example.fi"),
    "vaino": CustomerInput(name="Väinö Hämäläinen", phone="+358 50 987 6543", language="fi"),
    "asa": CustomerInput(name="Åsa Öhman", language="fi"),
    "emily": CustomerInput(name="Emily Carter", phone="+44 7700 900123"),
    "meiling": CustomerInput(name="陳美玲", phone="0912 808 909", language="zh-TW"),
    "huang": CustomerInput(name="黃美玲", language="zh-TW"),
    "wangwei": CustomerInput(name="王伟", phone="+86 138 2468 1357", language="zh-CN"),
    "wangfang": CustomerInput(name="王芳", language="zh-CN"),
    "mixed": CustomerInput(name="Lee 李小龍", language="en"),
}


@pytest.fixture
def people(memory_db: Database, fixed_clock: object) -> dict[str, int]:
    return {key: create_customer(memory_db, data).id for key, data in PEOPLE.items()}


def found(db: Database, query: str) -> list[str]:
    return [hit.name for hit in search_customers(db, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Pä", ["Päivi Järvinen"]),
        ("päivi", ["Päivi Järvinen"]),
        ("emi", ["Emily Carter"]),
        ("CARTER", ["Emily Carter"]),
        ("emily car", ["Emily Carter"]),
    ],
)
def test_name_prefixes(memory_db: Database, people: dict[str, int], query: str,
                       expected: list[str]) -> None:
    assert found(memory_db, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("jarv", ["Päivi Järvinen"]),
        ("paivi", ["Päivi Järvinen"]),
        ("vaino", ["Väinö Hämäläinen"]),
        ("hamalainen", ["Väinö Hämäläinen"]),
        ("ohman", ["Åsa Öhman"]),
        ("as", ["Åsa Öhman"]),  # two letters: the short-term index
        ("alai", ["Väinö Hämäläinen"]),  # the middle of a name
    ],
)
def test_finnish_names_typed_without_diacritics(
    memory_db: Database, people: dict[str, int], query: str, expected: list[str]
) -> None:
    assert found(memory_db, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("陳", ["陳美玲"]),
        ("王", ["王伟", "王芳"]),
        ("伟", ["王伟"]),  # the given name alone, one character
        ("美玲", ["陳美玲", "黃美玲"]),  # a two-character substring in two names
        ("王伟", ["王伟"]),  # a whole two-character name: shorter than a trigram
        ("陳美玲", ["陳美玲"]),
        ("小龍", ["Lee 李小龍"]),
        ("李小龍", ["Lee 李小龍"]),
    ],
)
def test_cjk_substrings_of_one_two_and_three_characters(
    memory_db: Database, people: dict[str, int], query: str, expected: list[str]
) -> None:
    assert sorted(found(memory_db, query)) == sorted(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("4567", ["Päivi Järvinen"]),
        ("040 123", ["Päivi Järvinen"]),
        ("123 45", ["Päivi Järvinen"]),  # pieces across the typed spaces
        ("987-65", ["Väinö Hämäläinen"]),
        ("+44 7700", ["Emily Carter"]),
        ("2468 1357", ["王伟"]),
        ("808 909", ["陳美玲"]),
    ],
)
def test_phone_digits_in_pieces(
    memory_db: Database, people: dict[str, int], query: str, expected: list[str]
) -> None:
    assert found(memory_db, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("obrien", ["Tom O'Brien"]),
        ("o'brien", ["Tom O'Brien"]),
        ("O’Brien", ["Tom O'Brien"]),  # a typographic apostrophe
        ("ob", ["Tom O'Brien"]),
        ("anna liisa", ["Anna-Liisa Mäkelä"]),
        ("anna-liisa", ["Anna-Liisa Mäkelä"]),
        ("liisa mak", ["Anna-Liisa Mäkelä"]),
        ("li", ["Anna-Liisa Mäkelä"]),
        ("al.mak@", ["Anna-Liisa Mäkelä"]),  # a piece of the e-mail address
    ],
)
def test_apostrophes_and_hyphens_need_not_be_typed(
    memory_db: Database, fixed_clock: object, query: str, expected: list[str]
) -> None:
    create_customer(memory_db, CustomerInput(name="Tom O'Brien"))
    create_customer(memory_db, CustomerInput(name="Anna-Liisa Mäkelä",
                                             email="al.makela@example.fi"))
    create_customer(memory_db, CustomerInput(name="Anna Laine"))
    assert found(memory_db, query) == expected


def test_customer_number_ranks_its_customer_first(
    memory_db: Database, people: dict[str, int]
) -> None:
    number = f"C{people['wangwei']:06d}"
    assert found(memory_db, number)[0] == "王伟"
    assert found(memory_db, number.lower())[0] == "王伟"


def test_customer_number_without_its_leading_zeros(
    memory_db: Database, people: dict[str, int]
) -> None:
    wanted = people["wangwei"]
    for typed in (f"C{wanted}", f"c{wanted}", f"C 0{wanted}", f"c{wanted:06d}"):
        assert found(memory_db, typed)[:1] == ["王伟"], typed
    assert found(memory_db, "C999999") == []


def test_prefix_matches_rank_before_matches_inside_a_name(
    memory_db: Database, fixed_clock: object
) -> None:
    for name in ("Anna Laine", "Hanna Virtanen", "Annukka Salo"):
        create_customer(memory_db, CustomerInput(name=name))
    assert found(memory_db, "ann") == ["Anna Laine", "Annukka Salo", "Hanna Virtanen"]


def test_nothing_typed_or_nothing_found(memory_db: Database, people: dict[str, int]) -> None:
    assert search_customers(memory_db, "") == []
    assert search_customers(memory_db, "   ") == []
    assert search_customers(memory_db, "zzzz") == []
    assert search_customers(memory_db, "趙") == []


@pytest.mark.parametrize("query", ['"', 'a"b', "x OR y", "NEAR(a b)", "*", "'; DROP TABLE x"])
def test_search_syntax_in_a_query_is_just_text(
    memory_db: Database, people: dict[str, int], query: str
) -> None:
    assert search_customers(memory_db, query) == []


def test_the_index_follows_an_edit(memory_db: Database, people: dict[str, int]) -> None:
    data = CustomerInput(name="Emily Saarinen", phone="040 777 8888")
    update_customer(memory_db, people["emily"], data)
    assert found(memory_db, "carter") == []
    assert found(memory_db, "saarinen") == ["Emily Saarinen"]
    assert found(memory_db, "7700") == []
    assert found(memory_db, "777 88") == ["Emily Saarinen"]


def test_hits_carry_what_the_result_list_shows(
    memory_db: Database, people: dict[str, int]
) -> None:
    create_customer(memory_db, CustomerInput(name="Allergic Anna", allergies=["peanuts"]))
    [hit] = search_customers(memory_db, "allergic")
    assert hit.has_allergies and hit.tier == "new" and hit.customer_no.startswith("C")
    [paivi] = search_customers(memory_db, "jarvinen")
    assert not paivi.has_allergies and paivi.phone == "040 123 4567"


def test_the_limit_caps_the_list(memory_db: Database, fixed_clock: object) -> None:
    for n in range(30):
        create_customer(memory_db, CustomerInput(name=f"Virtanen {chr(65 + n % 26)}{n}"))
    assert len(search_customers(memory_db, "virt", limit=10)) == 10
    assert len(search_customers(memory_db, "vi", limit=10)) == 10


@pytest.mark.parametrize(
    "query", ["p", "pa", "jarv", "王", "美玲", "陳美玲", "4567", "C000003", "C3", "c7 "]
)
@pytest.mark.sqlite_only("SQLite query plans via set_trace_callback")
def test_customers_is_read_by_primary_key_only(
    memory_db: Database, people: dict[str, int], query: str
) -> None:
    """Every statement a search runs touches customers by rowid: never a table scan."""
    statements: list[str] = []
    memory_db.conn.set_trace_callback(statements.append)
    try:
        search_customers(memory_db, query)
    finally:
        memory_db.conn.set_trace_callback(None)
    assert statements
    touched_customers = False
    for sql in statements:
        if sql.startswith("--"):
            continue  # FTS5's own reads of its shadow tables
        plan = [row[3] for row in memory_db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
        for step in plan:
            assert not re.match(r"SCAN (customers|customer_terms)\b", step), (sql, plan)
            if re.search(r"\bcustomers\b", step):
                touched_customers = True
                assert "USING INTEGER PRIMARY KEY" in step, (sql, plan)
    assert touched_customers


# ------------------------------------------------------------------ any part of any name

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from db.store.connection import open_database  # noqa: E402
from db.text import has_cjk, search_key  # noqa: E402

LATIN = "abcdefghijklmnopqrstuvwxyzäöåéüABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÅ"
CJK = "陳美玲王伟林志明黃張李劉张刘杨赵"
WORD = st.one_of(
    st.text(alphabet=LATIN, min_size=1, max_size=10),
    st.text(alphabet=CJK, min_size=1, max_size=3),
)
NAME = st.lists(WORD, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAME, data=st.data())
def test_any_piece_of_any_name_finds_it(name: str, data: st.DataObject) -> None:
    """Three characters or more anywhere in the name; shorter: a word's start or CJK."""
    db = open_database(":memory:")
    try:
        customer = create_customer(db, CustomerInput(name=name))
        key = search_key(name)
        if len(key) >= 3:
            start = data.draw(st.integers(0, len(key) - 3), label="start")
            length = data.draw(st.integers(3, len(key) - start), label="length")
            piece = key[start : start + length].strip()
            if len(piece) >= 3:
                assert customer.id in [h.id for h in search_customers(db, piece)], piece
        word = data.draw(st.sampled_from(key.split()), label="word")
        prefix = word[: data.draw(st.integers(1, 2), label="n")]
        assert customer.id in [h.id for h in search_customers(db, prefix)], prefix
        if has_cjk(word) and len(word) >= 2:
            inner = word[1:3]  # a CJK piece that is not the word's start
            assert customer.id in [h.id for h in search_customers(db, inner)], inner
    finally:
        db.close()
