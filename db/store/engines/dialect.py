"""SQLite's SQL as the data layer writes it, translated to PostgreSQL's: the one place where
the two dialects meet.

`translate(sql)` rewrites one statement (or `split_statements` first for a script):

- `?` -> `%s` and `:name` -> `%(name)s` (psycopg's placeholders); every other `%`, in code
  and in string literals alike, is doubled, since psycopg reads `%` everywhere.
- `INSERT OR IGNORE` -> `INSERT ... ON CONFLICT DO NOTHING`; `INSERT OR REPLACE` ->
  `INSERT ... ON CONFLICT (key) DO UPDATE SET col = EXCLUDED.col` (the key from `Schema`).
- `?1`, `?2` -> `%(_1)s`, `%(_2)s` (the engine passes a list's values by those names).
- `json_each(x) j` -> `json_array_elements_text((x)::json) AS j(value)` (arrays; only
  `value` is read); `json_valid(x)` -> `counterpart_json_valid(x)` (a schema function);
  `json_group_array(x)` -> `(json_agg(x)::text)`.
- `printf('C%06d', x)` -> `('C' || lpad((x)::text, 6, '0'))` (`%d`, `%0Nd`, `%s`, `%%`).
- scalar `max(a, b)` / `min(a, b)` -> `greatest` / `least`; `log2(x)` -> `ln(x) / ln(2)`;
  `ifnull` -> `coalesce`; `CAST(x AS INTEGER)` -> `AS BIGINT`, `AS REAL` -> `DOUBLE PRECISION`.
- `a IS b` / `a IS NOT b` (b not NULL) -> `IS NOT DISTINCT FROM` / `IS DISTINCT FROM`.
- `a = ? COLLATE NOCASE` -> `lower(a) = lower(?)`, `ORDER BY a COLLATE NOCASE` ->
  `ORDER BY lower(a)` (lower() folds all letters, NOCASE only ASCII ones).
- a subquery in FROM without an alias gets one (`AS counterpart_sub1`).
- `LIKE` -> `ILIKE` (SQLite's LIKE ignores ASCII case); `CROSS JOIN t ON` (SQLite's
  join-order hint) -> `JOIN t ON`.
- `customer_fts MATCH ?` (an FTS5 trigram phrase query) -> `customer_fts.doc ILIKE ALL
  (counterpart_fts_patterns(?))`, a function of the PostgreSQL schema, which the engine
  expands before running (`expand_fts`: one `doc ILIKE %s` per phrase, so pg_trgm's GIN
  index serves it); `main.` is dropped.
- `BEGIN IMMEDIATE` (SQLite's single writer) -> `BEGIN` plus a transaction-scoped advisory
  lock (`WRITE_LOCK_KEY`), so writers queue as they do on one SQLite file.
- `PRAGMA foreign_keys/busy_timeout/journal_mode/synchronous/secure_delete...` are no-ops
  (secure_delete: on PostgreSQL erased rows stay in the pages until VACUUM);
  `PRAGMA table_info(t)` reads information_schema.
- With `returning_id`, an INSERT into a table with an `id` column gets `RETURNING id`, which
  the engine reads as the cursor's `lastrowid`.

Anything else SQLite-only (json_each, strftime, julianday, date(), COLLATE NOCASE, an
attached `stage.` database, sqlite_master, ...) raises `UntranslatableSql` naming it, so a
statement is never sent half-translated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

WRITE_LOCK_KEY = 0x436F756E74  # "Count": the advisory lock taken by BEGIN IMMEDIATE
NOOP = "SELECT 1 WHERE false"


class UntranslatableSql(ValueError):
    """A SQLite-only construct with no translation yet; `construct` names it."""

    def __init__(self, construct: str, sql: str) -> None:
        super().__init__(f"no PostgreSQL translation for {construct}: {sql[:200]}")
        self.construct = construct
        self.sql = sql


@dataclass(frozen=True)
class Schema:
    """What the translator needs to know of the tables: their columns and conflict key."""

    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


EMPTY_SCHEMA = Schema()

# Constructs with no translation (yet). Matched on code with string literals masked.
_UNTRANSLATABLE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
        ("json_extract", r"\bjson_extract\s*\("),
        ("strftime", r"\bstrftime\s*\("),
        ("julianday", r"\bjulianday\s*\("),
        ("date()", r"(?<![\w.])date\s*\("),
        ("datetime()", r"(?<![\w.])datetime\s*\("),
        ("COLLATE NOCASE", r"\bCOLLATE\s+NOCASE\b"),
        ("GLOB", r"\bGLOB\b"),
        ("group_concat", r"\bgroup_concat\s*\("),
        ("total()", r"\btotal\s*\("),
        ("instr", r"\binstr\s*\("),
        ("typeof", r"\btypeof\s*\("),
        ("iif", r"\biif\s*\("),
        ("randomblob", r"\brandomblob\s*\("),
        ("hex()", r"\bhex\s*\("),
        ("unicode()", r"\bunicode\s*\("),
        ("changes()", r"\b(total_)?changes\s*\(\s*\)"),
        ("last_insert_rowid", r"\blast_insert_rowid\s*\("),
        ("RAISE()", r"\bRAISE\s*\("),
        ("sqlite_master", r"\bsqlite_(master|schema|sequence)\b"),
        ("WITHOUT ROWID", r"\bWITHOUT\s+ROWID\b"),
        ("AUTOINCREMENT", r"\bAUTOINCREMENT\b"),
        ("virtual table", r"\bVIRTUAL\s+TABLE\b"),
        ("fts5 shadow table", r"\bcustomer_fts_(content|data|idx|docsize|config)\b"),
        ("attached database", r"\b(stage|temp)\.\w"),
        ("ATTACH/DETACH", r"^\s*(ATTACH|DETACH)\b"),
        ("CREATE TRIGGER", r"^\s*CREATE\s+(TEMP\s+)?TRIGGER\b"),
        ("VACUUM/REINDEX/ANALYZE", r"^\s*(VACUUM|REINDEX|ANALYZE)\b"),
        ("REPLACE INTO", r"^\s*REPLACE\s+INTO\b"),
        ("MATCH", r"\bMATCH\b"),
        ("rowid", r"\b(rowid|_rowid_|oid)\b"),
    )
)

_PRAGMA_NOOP = re.compile(
    r"^\s*PRAGMA\s+(foreign_keys|busy_timeout|journal_mode|synchronous|cache_size|temp_store|"
    r"mmap_size|wal_autocheckpoint|optimize|wal_checkpoint|secure_delete)\b", re.IGNORECASE)
_PRAGMA_TABLE_INFO = re.compile(
    r"^\s*PRAGMA\s+table_info\s*\(\s*['\"]?(\w+)['\"]?\s*\)\s*$", re.IGNORECASE)
_PRAGMA = re.compile(r"^\s*PRAGMA\b\s*(\w*)", re.IGNORECASE)
_BEGIN = re.compile(r"^\s*BEGIN(\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?(\s+TRANSACTION)?\s*$",
                    re.IGNORECASE)
_INSERT_OR = re.compile(r"^(\s*)INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\b", re.IGNORECASE)
_INSERT_TARGET = re.compile(
    r"^\s*INSERT\s+INTO\s+(\w+)\s*(\(([^()]*)\))?", re.IGNORECASE)
_RETURNING = re.compile(r"\bRETURNING\b", re.IGNORECASE)
_MAIN = re.compile(r"\bmain\.(?=\w)", re.IGNORECASE)
_FTS_MATCH = re.compile(r"\bcustomer_fts\s+MATCH\s+\?", re.IGNORECASE)
_FTS_TOP = re.compile(
    r"\bSELECT\s+rowid\s+FROM\s+customer_fts\s+WHERE\s+customer_fts\s+MATCH\s+\?\s+"
    r"ORDER\s+BY\s+rowid\s+LIMIT\s+\?", re.IGNORECASE)
_CROSS_JOIN_ON = re.compile(
    r"\bCROSS\s+JOIN\s+(\w+(?:\s+(?:AS\s+)?(?!ON\b)\w+)?)\s+ON\b", re.IGNORECASE)
_NOCASE_EQUALS = re.compile(
    r"(\w+(?:\.\w+)?)\s*=\s*(\?|\w+(?:\.\w+)?)\s+COLLATE\s+NOCASE\b", re.IGNORECASE)
_NOCASE = re.compile(r"(\w+(?:\.\w+)?)\s+COLLATE\s+NOCASE\b", re.IGNORECASE)
_CALL = re.compile(r"\b(printf|max|min|log2|ifnull|json_each|json_valid|json_group_array)\s*\(",
                   re.IGNORECASE)
_ALIAS = re.compile(r"\s+(?:AS\s+)?(?!(?:WHERE|GROUP|ORDER|LIMIT|JOIN|ON|CROSS|LEFT|INNER|UNION)\b)"
                    r"(\w+)", re.IGNORECASE)
_NUMBERED = re.compile(r"\?(\d+)")
_SUBQUERY = re.compile(r"\b(FROM|JOIN)\s*\(\s*(SELECT|WITH|VALUES)\b", re.IGNORECASE)
_KEYWORD_AFTER = re.compile(
    r"\s*(\)|,|;|$|(WHERE|GROUP|ORDER|LIMIT|JOIN|ON|USING|CROSS|LEFT|INNER|NATURAL|UNION|"
    r"HAVING|WINDOW|EXCEPT|INTERSECT|OFFSET)\b)", re.IGNORECASE)
_IS = re.compile(r"\bIS(\s+NOT)?\s+(?!NULL\b|NOT\b|TRUE\b|FALSE\b|DISTINCT\b)", re.IGNORECASE)
_LIKE = re.compile(r"(?<![\w.])LIKE\b", re.IGNORECASE)
_CAST_INT = re.compile(r"\bAS\s+INTEGER\s*\)", re.IGNORECASE)
_CAST_REAL = re.compile(r"\bAS\s+REAL\s*\)", re.IGNORECASE)
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_MASK = re.compile("\x01(\\d+)\x02")
_PRINTF_SPEC = re.compile(r"%(0?)(\d*)([ds%])")


# ------------------------------------------------------------------ lexing


def _mask(sql: str) -> tuple[str, list[str]]:
    """The SQL with each string literal, quoted identifier and comment replaced by a mark
    (\\x01N\\x02), and the texts they stand for. Rewrites then never touch a literal."""
    out: list[str] = []
    kept: list[str] = []
    i = 0
    n = len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"`":
            j = i + 1
            while j < n:
                if sql[j] == c:
                    if j + 1 < n and sql[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            end = min(j + 1, n)
            text = sql[i:end]
            if c == "`":
                text = '"' + text[1:-1] + '"'
            kept.append(text)
            out.append(f"\x01{len(kept) - 1}\x02")
            i = end
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j
            out.append(" ")
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        else:
            out.append(c)
            i += 1
    return "".join(out), kept


def _unmask(code: str, kept: list[str]) -> str:
    return _MASK.sub(lambda m: kept[int(m.group(1))].replace("%", "%%"), code)


def split_statements(script: str) -> list[str]:
    """The statements of a script, split at semicolons outside literals and comments."""
    code, kept = _mask(script)
    parts = [p for p in code.split(";") if p.strip()]
    return [_MASK.sub(lambda m: kept[int(m.group(1))], p).strip() for p in parts]


def _call_args(code: str, open_paren: int) -> tuple[list[str], int]:
    """The comma-separated arguments of the call whose `(` is at `open_paren`, and the
    index just past its `)`."""
    depth = 0
    args: list[str] = []
    start = open_paren + 1
    for i in range(open_paren, len(code)):
        c = code[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                args.append(code[start:i])
                return args, i + 1
        elif c == "," and depth == 1:
            args.append(code[start:i])
            start = i + 1
    raise UntranslatableSql("unbalanced parentheses", code)


# ------------------------------------------------------------------ rewrites


def _rewrite_calls(code: str, kept: list[str], sql: str) -> str:
    """printf, scalar max/min, log2 and ifnull, innermost first."""
    pos = 0
    while True:
        m = _CALL.search(code, pos)
        if m is None:
            return code
        name = m.group(1).lower()
        args, end = _call_args(code, m.end() - 1)
        inner = [_rewrite_calls(a, kept, sql) for a in args]
        replacement: str | None
        if name == "printf":
            replacement = _printf(inner, kept, sql)
        elif name in ("max", "min"):
            replacement = (f"{'greatest' if name == 'max' else 'least'}({','.join(inner)})"
                           if len(inner) >= 2 else None)
        elif name == "log2":
            replacement = f"(ln({inner[0].strip()}) / ln(2.0))"
        elif name == "json_valid":
            replacement = f"counterpart_json_valid({inner[0].strip()})"
        elif name == "json_group_array":
            replacement = f"(json_agg({inner[0].strip()})::text)"
        elif name == "json_each":
            alias = _ALIAS.match(code, end)
            label = alias.group(1) if alias else "json_each"
            if alias:
                end = alias.end()
            replacement = (f"json_array_elements_text(({inner[0].strip()})::json) "
                           f"AS {label}(value)")
        else:  # ifnull
            replacement = f"coalesce({','.join(inner)})"
        if replacement is None:  # an aggregate max(x): only its argument is rewritten
            replacement = f"{code[m.start():m.end()]}{','.join(inner)})"
        code = code[:m.start()] + replacement + code[end:]
        pos = m.start() + len(replacement)


def _printf(args: list[str], kept: list[str], sql: str) -> str:
    fmt_mark = _MASK.fullmatch(args[0].strip()) if args else None
    if fmt_mark is None:
        raise UntranslatableSql("printf with a computed format", sql)
    literal = kept[int(fmt_mark.group(1))]
    fmt = literal[1:-1].replace("''", "'")
    values = [a.strip() for a in args[1:]]
    pieces: list[str] = []
    pos = 0
    for spec in _PRINTF_SPEC.finditer(fmt):
        if spec.start() > pos:
            pieces.append(_literal(fmt[pos:spec.start()], kept))
        pos = spec.end()
        zero, width, kind = spec.groups()
        if kind == "%":
            pieces.append(_literal("%", kept))
            continue
        if not values:
            raise UntranslatableSql("printf with too few arguments", sql)
        value = f"({values.pop(0)})::text"
        if width:
            pad = _literal("0" if zero else " ", kept)
            value = f"lpad({value}, {int(width)}, {pad})"
        pieces.append(value)
    if pos < len(fmt):
        pieces.append(_literal(fmt[pos:], kept))
    if "%" in _PRINTF_SPEC.sub("", fmt):
        raise UntranslatableSql("printf format", sql)
    return "(" + " || ".join(pieces or [_literal("", kept)]) + ")"


def _literal(text: str, kept: list[str]) -> str:
    kept.append("'" + text.replace("'", "''") + "'")
    return f"\x01{len(kept) - 1}\x02"


def _insert_or(code: str, kind: str, schema: Schema, sql: str) -> str:
    code = _INSERT_OR.sub(r"\1INSERT INTO", code, count=1)
    if kind == "IGNORE":
        clause = " ON CONFLICT DO NOTHING"
    else:
        target = _INSERT_TARGET.match(code)
        table = target.group(1) if target else ""
        key = schema.keys.get(table)
        if target is None or not key:
            raise UntranslatableSql("INSERT OR REPLACE into a table of unknown key", sql)
        columns = ([c.strip().strip('"') for c in target.group(3).split(",")]
                   if target.group(3) else list(schema.columns.get(table, ())))
        if not columns:
            raise UntranslatableSql("INSERT OR REPLACE into a table of unknown columns", sql)
        updates = [c for c in columns if c not in key]
        action = ("DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in updates)
                  if updates else "DO NOTHING")
        clause = f" ON CONFLICT ({', '.join(key)}) {action}"
    returning = _RETURNING.search(code)
    if returning:
        return code[:returning.start()].rstrip() + clause + " " + code[returning.start():]
    return code.rstrip() + clause


def _table_info(table: str) -> str:
    return (
        "SELECT ordinal_position - 1 AS cid, column_name AS name, data_type AS type, "
        "CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END AS notnull, "
        "column_default AS dflt_value, 0 AS pk FROM information_schema.columns "
        f"WHERE table_schema = current_schema() AND table_name = '{table}' "
        "ORDER BY ordinal_position"
    )


def translate(sql: str, schema: Schema = EMPTY_SCHEMA, *, returning_id: bool = False) -> str:
    """One SQLite statement as PostgreSQL runs it through psycopg (see the module text)."""
    stripped = sql.strip().rstrip(";").strip()
    begin = _BEGIN.match(stripped)
    if begin:
        mode = (begin.group(2) or "").upper()
        if mode in ("IMMEDIATE", "EXCLUSIVE"):
            return f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"
        return "BEGIN"
    if _PRAGMA_NOOP.match(stripped):
        return NOOP
    info = _PRAGMA_TABLE_INFO.match(stripped)
    if info:
        return _table_info(info.group(1))
    pragma = _PRAGMA.match(stripped)
    if pragma:
        raise UntranslatableSql(f"PRAGMA {pragma.group(1)}", sql)
    code, kept = _mask(stripped)
    code = _MAIN.sub("", code)
    code = _NOCASE_EQUALS.sub(r"lower(\1) = lower(\2)", code)
    code = _NOCASE.sub(r"lower(\1)", code)
    # the best-ranked matches: one function that picks the fast way (postgres_schema)
    code = _FTS_TOP.sub("SELECT rowid FROM counterpart_fts_top(counterpart_fts_patterns(?), ?) "
                        "AS customer_fts(rowid)", code)
    code = _FTS_MATCH.sub("customer_fts.doc ILIKE ALL (counterpart_fts_patterns(?))", code)
    for name, pattern in _UNTRANSLATABLE:
        if pattern.search(code) and not (name == "rowid" and _fts_rowid_only(code)):
            raise UntranslatableSql(name, sql)
    insert_or = _INSERT_OR.match(code)
    code = _rewrite_calls(code, kept, sql)
    code = _IS.sub(_is_distinct, code)
    code = _LIKE.sub("ILIKE", code)
    code = _CROSS_JOIN_ON.sub(r"JOIN \1 ON", code)  # SQLite's join-order hint
    code = _alias_subqueries(code)
    code = _CAST_INT.sub("AS BIGINT)", code)
    code = _CAST_REAL.sub("AS DOUBLE PRECISION)", code)
    if insert_or:
        code = _insert_or(code, insert_or.group(2).upper(), schema, sql)
    if returning_id and not _RETURNING.search(code):
        target = _INSERT_TARGET.match(code)
        if target and "id" in schema.columns.get(target.group(1), ()):
            code = code.rstrip() + " RETURNING id"
    code = code.replace("%", "%%")
    code = _placeholders(code, sql)
    return _unmask(code, kept)


def _alias_subqueries(code: str) -> str:
    """A subquery in FROM gets an alias when it has none (PostgreSQL 15 requires one)."""
    pos = 0
    count = 0
    while (m := _SUBQUERY.search(code, pos)) is not None:
        open_paren = code.index("(", m.start())
        _args, end = _call_args(code, open_paren)
        if _KEYWORD_AFTER.match(code, end):
            count += 1
            code = code[:end] + f" AS counterpart_sub{count}" + code[end:]
        pos = open_paren + 1
    return code


FTS_CALL = "customer_fts.doc ILIKE ALL (counterpart_fts_patterns(%s))"
_PHRASE = re.compile(r'"((?:[^"]|"")*)"')


def fts_patterns(query: str) -> list[str]:
    """The ILIKE patterns of an FTS5 phrase query ('"aino k"', '"carter" AND "emily"'):
    each phrase a substring, LIKE's own characters escaped (as counterpart_fts_patterns)."""
    patterns = []
    for phrase in _PHRASE.findall(query):
        text = phrase.replace('""', '"')
        text = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        patterns.append(f"%{text}%")
    return patterns


def expand_fts(sql: str, params: list[Any]) -> tuple[str, list[Any]]:
    """A translated trigram search with its FTS5 query expanded into one `doc ILIKE %s` per
    phrase, which pg_trgm's GIN index serves (it does not serve `ILIKE ALL (array)`)."""
    at = sql.find(FTS_CALL)
    if at < 0:
        return sql, params
    index = sql[:at].replace("%%", "").count("%s")
    patterns = fts_patterns(str(params[index]))
    condition = ("(" + " AND ".join(["customer_fts.doc ILIKE %s"] * len(patterns)) + ")"
                 if patterns else "false")
    rest_sql, rest_params = expand_fts(sql[at + len(FTS_CALL):], params[index + 1:])
    return (sql[:at] + condition + rest_sql,
            [*params[:index], *patterns, *rest_params])


def _fts_rowid_only(code: str) -> bool:
    """`rowid` is allowed where it is customer_fts's key column (the PostgreSQL table has a
    column of that name)."""
    return bool(re.search(r"\bcustomer_fts\b", code, re.IGNORECASE)) and not re.search(
        r"\b(_rowid_|oid)\b", code, re.IGNORECASE)


def _is_distinct(m: re.Match[str]) -> str:
    return "IS DISTINCT FROM " if m.group(1) else "IS NOT DISTINCT FROM "


def _placeholders(code: str, sql: str) -> str:
    positional = "?" in code
    named = _NAMED.search(code) is not None
    if positional and named:
        raise UntranslatableSql("both ? and :name placeholders", sql)
    if positional:
        if _NUMBERED.search(code):  # ?1, ?2: the engine passes the values by name _1, _2
            if re.search(r"\?(?!\d)", code):
                raise UntranslatableSql("both ? and ?NNN placeholders", sql)
            return _NUMBERED.sub(r"%(_\1)s", code)
        return code.replace("?", "%s")
    sub: Callable[[re.Match[str]], str] = lambda m: f"%({m.group(1)})s"  # noqa: E731
    return _NAMED.sub(sub, code)
