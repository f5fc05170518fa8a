"""Which SQL in db/ the PostgreSQL translator cannot translate yet, per module.

Reads every `execute`, `executemany` and `executescript` call in db/*.py, rebuilds the SQL
text where it is written in place (f-string parts become `x`), and runs it through
`db.store.engines.dialect.translate`. Prints per module: calls, translated, refused (by construct)
and dynamic (SQL built elsewhere: not checked). Run from the repository root:

    PYTHONPATH=$PWD python scripts/pg_dialect_report.py
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

from db.store.connection import open_database
from db.store.engines.dialect import Schema, UntranslatableSql, split_statements, translate


def _schema() -> Schema:
    db = open_database(":memory:")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    columns = {}
    keys = {}
    for table in tables:
        info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
        columns[table] = tuple(str(r[1]) for r in info)
        keys[table] = tuple(str(r[1]) for r in sorted(info, key=lambda r: r[5]) if r[5])
    return Schema(columns=columns, keys=keys)


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        return None if left is None or right is None else left + right
    return None


def main() -> int:
    schema = _schema()
    total: Counter[str] = Counter()
    print(f"{'module':28} {'calls':>5} {'ok':>5} {'refused':>7} {'dynamic':>7}  refused by")
    for path in sorted(Path("db").glob("*.py")):
        counts: Counter[str] = Counter()
        constructs: Counter[str] = Counter()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany", "executescript")
                    and node.args):
                continue
            counts["calls"] += 1
            sql = _text(node.args[0])
            if sql is None:
                counts["dynamic"] += 1
                continue
            try:
                for statement in split_statements(sql) or [sql]:
                    translate(statement, schema)
            except UntranslatableSql as exc:
                counts["refused"] += 1
                constructs[exc.construct] += 1
            else:
                counts["ok"] += 1
        if counts["calls"]:
            total.update(counts)
            why = ", ".join(f"{c} {n}" for c, n in constructs.most_common())
            print(f"{path.name:28} {counts['calls']:5} {counts['ok']:5} {counts['refused']:7} "
                  f"{counts['dynamic']:7}  {why}")
    print(f"{'total':28} {total['calls']:5} {total['ok']:5} {total['refused']:7} "
          f"{total['dynamic']:7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
