"""The SQLite -> PostgreSQL translator (db.store.engines.dialect): no server needed."""

from __future__ import annotations

import pytest

from db.store.engines.dialect import (
    FTS_CALL,
    NOOP,
    WRITE_LOCK_KEY,
    Schema,
    UntranslatableSql,
    expand_fts,
    split_statements,
    translate,
)

SCHEMA = Schema(
    columns={"customers": ("id", "name"), "import_row_hashes": ("hash", "external_id",
                                                                 "import_id"),
             "settings": ("key", "value")},
    keys={"import_row_hashes": ("hash",), "settings": ("key",)},
)

CASES: list[tuple[str, str]] = [
    ("SELECT * FROM customers WHERE id = ?", "SELECT * FROM customers WHERE id = %s"),
    ("SELECT '?', name FROM customers WHERE name = ?",
     "SELECT '?', name FROM customers WHERE name = %s"),
    ("SELECT 'it''s ?' FROM t WHERE a = ?", "SELECT 'it''s ?' FROM t WHERE a = %s"),
    ("SELECT a FROM t -- why? \nWHERE b = ?", "SELECT a FROM t  \nWHERE b = %s"),
    ("SELECT 50 % 7, '100%' FROM t WHERE a = ?", "SELECT 50 %% 7, '100%%' FROM t WHERE a = %s"),
    ("SELECT n + :off FROM t WHERE x = :x", "SELECT n + %(off)s FROM t WHERE x = %(x)s"),
    ("SELECT '12:30' FROM t WHERE x = :x", "SELECT '12:30' FROM t WHERE x = %(x)s"),
    ("INSERT OR IGNORE INTO customer_terms(term, rank_key) VALUES (?, ?)",
     "INSERT INTO customer_terms(term, rank_key) VALUES (%s, %s) ON CONFLICT DO NOTHING"),
    ("INSERT OR REPLACE INTO main.import_row_hashes VALUES (?, ?, ?)",
     "INSERT INTO import_row_hashes VALUES (%s, %s, %s) ON CONFLICT (hash) DO UPDATE SET "
     "external_id = EXCLUDED.external_id, import_id = EXCLUDED.import_id"),
    ("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
     "INSERT INTO settings (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET "
     "value = EXCLUDED.value"),
    ("SELECT printf('C%06d', n + 1) FROM t", "SELECT ('C' || lpad((n + 1)::text, 6, '0')) FROM t"),
    ("SELECT printf('%d items, 100%%', n) FROM t",
     "SELECT ((n)::text || ' items, 100' || '%%') FROM t"),
    ("SELECT max(a), min(b) FROM t", "SELECT max(a), min(b) FROM t"),
    ("SELECT max(a, min(b, 2)) FROM t", "SELECT greatest(a, least(b, 2)) FROM t"),
    ("SELECT log2(pow(2.0, x)) FROM t", "SELECT (ln(pow(2.0, x)) / ln(2.0)) FROM t"),
    ("SELECT ifnull(a, 0) FROM t", "SELECT coalesce(a, 0) FROM t"),
    ("SELECT CAST(x * 2 AS INTEGER), CAST(y AS REAL) FROM t",
     "SELECT CAST(x * 2 AS BIGINT), CAST(y AS DOUBLE PRECISION) FROM t"),
    ("SELECT 1 FROM t WHERE id IS NOT ? AND a IS NULL AND b IS NOT NULL",
     "SELECT 1 FROM t WHERE id IS DISTINCT FROM %s AND a IS NULL AND b IS NOT NULL"),
    ("SELECT 1 FROM t WHERE a IS ?", "SELECT 1 FROM t WHERE a IS NOT DISTINCT FROM %s"),
    ("SELECT 1 FROM t WHERE name LIKE ? ESCAPE '\\' AND b NOT LIKE 'x%'",
     "SELECT 1 FROM t WHERE name ILIKE %s ESCAPE '\\' AND b NOT ILIKE 'x%%'"),
    ("SELECT f.rowid FROM (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? "
     "ORDER BY rowid LIMIT ?) AS f CROSS JOIN customers ON customers.id = f.rowid",
     "SELECT f.rowid FROM (SELECT rowid FROM counterpart_fts_top(counterpart_fts_patterns(%s), "
     "%s) AS customer_fts(rowid)) AS f JOIN customers ON customers.id = f.rowid"),
    ("BEGIN IMMEDIATE", f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"),
    ("BEGIN", "BEGIN"),
    ("PRAGMA foreign_keys = ON", NOOP),
    ("PRAGMA busy_timeout = 5000", NOOP),
    ("PRAGMA journal_mode = WAL", NOOP),
    ("PRAGMA secure_delete = ON", NOOP),
    ("SELECT ?1 FROM t WHERE a BETWEEN ?1 AND ?2",
     "SELECT %(_1)s FROM t WHERE a BETWEEN %(_1)s AND %(_2)s"),
    ("SELECT j.value, count(*) FROM complaints c, json_each(CASE WHEN json_valid(c.s) "
     "THEN c.s ELSE '[]' END) j WHERE c.k = ? GROUP BY j.value",
     "SELECT j.value, count(*) FROM complaints c, json_array_elements_text((CASE WHEN "
     "counterpart_json_valid(c.s) THEN c.s ELSE '[]' END)::json) AS j(value) WHERE c.k = %s "
     "GROUP BY j.value"),
    ("SELECT 1 FROM json_each(?) WHERE value = ?",
     "SELECT 1 FROM json_array_elements_text((%s)::json) AS json_each(value) WHERE value = %s"),
    ("SELECT count(*) FROM (SELECT a FROM t) WHERE 1 = 1",
     "SELECT count(*) FROM (SELECT a FROM t) AS counterpart_sub1 WHERE 1 = 1"),
    ("SELECT x.a FROM (SELECT a FROM t) AS x JOIN (SELECT b FROM (SELECT b FROM u)) ON 1",
     "SELECT x.a FROM (SELECT a FROM t) AS x JOIN (SELECT b FROM (SELECT b FROM u) AS "
     "counterpart_sub2) AS counterpart_sub1 ON 1"),
    ("SELECT json_group_array(DISTINCT s.name) AS names FROM s",
     "SELECT (json_agg(DISTINCT s.name)::text) AS names FROM s"),
    ("SELECT id FROM customers WHERE email = ? COLLATE NOCASE",
     "SELECT id FROM customers WHERE lower(email) = lower(%s)"),
    ("SELECT name FROM staff ORDER BY s.name COLLATE NOCASE, id",
     "SELECT name FROM staff ORDER BY lower(s.name), id"),
]


@pytest.mark.parametrize(("sqlite", "postgres"), CASES)
def test_translates(sqlite: str, postgres: str) -> None:
    assert translate(sqlite, SCHEMA) == postgres


def test_insert_returns_the_new_id_only_where_the_table_has_one() -> None:
    assert translate("INSERT INTO customers (name) VALUES (?)", SCHEMA, returning_id=True) == (
        "INSERT INTO customers (name) VALUES (%s) RETURNING id")
    assert translate("INSERT INTO settings (key, value) VALUES (?, ?)", SCHEMA,
                     returning_id=True) == "INSERT INTO settings (key, value) VALUES (%s, %s)"
    assert translate("INSERT OR IGNORE INTO customers (name) VALUES (?)", SCHEMA,
                     returning_id=True).endswith("ON CONFLICT DO NOTHING RETURNING id")


def test_table_info_reads_information_schema() -> None:
    sql = translate("PRAGMA table_info(customers)")
    assert "information_schema.columns" in sql and "'customers'" in sql


@pytest.mark.parametrize(("sqlite", "construct"), [
    ("SELECT json_extract(x, '$.a') FROM t", "json_extract"),
    ("SELECT ?1, ? FROM t", "both ? and ?NNN placeholders"),
    ("SELECT strftime('%Y', at) FROM t", "strftime"),
    ("SELECT date(at, '+1 day') FROM t", "date()"),
    ("SELECT name FROM sqlite_master", "sqlite_master"),
    ("INSERT INTO main.customers SELECT * FROM stage.new_rows", "attached database"),
    ("PRAGMA application_id", "PRAGMA application_id"),
    ("INSERT OR REPLACE INTO unknown VALUES (?)", "INSERT OR REPLACE into a table of unknown key"),
    ("SELECT printf(fmt, 1) FROM t", "printf with a computed format"),
    ("SELECT rowid FROM customers", "rowid"),
])
def test_refuses_what_it_cannot_translate(sqlite: str, construct: str) -> None:
    with pytest.raises(UntranslatableSql) as caught:
        translate(sqlite, SCHEMA)
    assert caught.value.construct == construct


def test_a_date_in_a_string_is_not_a_function() -> None:
    assert translate("SELECT 'date(x)' FROM t") == "SELECT 'date(x)' FROM t"


def test_a_trigram_query_becomes_one_ilike_per_phrase() -> None:
    sql = translate("SELECT rowid FROM customer_fts WHERE a = ? AND customer_fts MATCH ? "
                    "AND b = '50%' LIMIT ?")
    expanded, params = expand_fts(sql, ["a", '"carter" AND "em_ly ""x"" 5%\\"', 10])
    assert expanded == ("SELECT rowid FROM customer_fts WHERE a = %s AND (customer_fts.doc "
                        "ILIKE %s AND customer_fts.doc ILIKE %s) AND b = '50%%' LIMIT %s")
    assert params == ["a", "%carter%", '%em\\_ly "x" 5\\%\\\\%', 10]
    assert expand_fts(sql, ["a", "no phrase", 1]) == (
        sql.replace(FTS_CALL, "false"), ["a", 1])


def test_split_statements_keeps_semicolons_in_literals() -> None:
    assert split_statements("SELECT ';'; SELECT 2;\n") == ["SELECT ';'", "SELECT 2"]
