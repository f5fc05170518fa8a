"""The one base of the small tables (widgets/table_model.py) and the models built on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from pytestqt.modeltest import ModelTester

from db.models import Staff
from db.service.models import CompensationLine, FollowUp
from reports.letter_service import LetterRecord
from widgets.compensation_lines_model import CompensationLinesModel
from widgets.follow_up_model import FOLLOW_UP_ROLE, FollowUpModel
from widgets.letter_history import RECORD_ROLE, LetterListModel
from widgets.staff_admin_panel import StaffTableModel
from widgets.table_model import RIGHT, Column, RowTableModel

pytestmark = pytest.mark.gui
Display, ToolTip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class Fruit:
    name: str
    price: int


class FruitModel(RowTableModel[Fruit]):
    item_role = Qt.ItemDataRole.UserRole + 7

    def __init__(self) -> None:
        super().__init__()
        self.columns = (
            Column("Fruit", lambda f: f.name, tooltip=lambda f: f"a {f.name}"),
            Column("Price", lambda f: str(f.price), align_right=True,
                   foreground=lambda f: QColor("red") if f.price > 100 else None,
                   bold=lambda f: f.price > 100),
        )


def test_columns_declared_as_data_answer_every_role(qtmodeltester: ModelTester) -> None:
    model = FruitModel()
    qtmodeltester.check(model)  # empty
    model.set_rows([Fruit("apple", 50), Fruit("durian", 900)])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
        "Fruit", "Price"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(1, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    apple, durian = model.index(0, 0), model.index(1, 1)
    assert model.data(apple) == "apple"
    assert model.data(apple, ToolTip) == "a apple"
    assert model.data(durian, ToolTip) == "900"  # no tooltip declared: the text itself
    assert model.data(durian, Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.data(apple, Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(durian, Qt.ItemDataRole.ForegroundRole) == QColor("red")
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is None
    font = model.data(durian, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.FontRole) is None
    assert model.data(durian, model.item_role) == Fruit("durian", 900)
    assert model.data(QModelIndex()) is None
    assert model.item_at(1) == Fruit("durian", 900)
    assert model.item_at(2) is None and model.item_at(-1) is None
    assert model.rows() == [Fruit("apple", 50), Fruit("durian", 900)]


def test_set_rows_resets_once(qtmodeltester: ModelTester) -> None:
    model = FruitModel()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.set_rows(Fruit(n, 1) for n in ("a", "b", "c"))  # any iterable
    model.set_rows([])
    assert resets == [3, 0]
    qtmodeltester.check(model)


@pytest.fixture
def english_screen() -> Iterator[None]:
    """Dates follow the screen language (widgets.formats): English reads 02/03/2026 12:30."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


def _letter(n: int, complaint_id: int | None) -> LetterRecord:
    return LetterRecord(
        id=n, kind="apology", customer_id=1, complaint_id=complaint_id, language="fi",
        body="Hyvä asiakas, " * 40, created_by=1, created_by_name="Maria Manager",
        created_at=datetime(2026, 3, n, 12, 30, tzinfo=UTC), pdf_size=1000)


def test_letter_list_model(qtmodeltester: ModelTester, english_screen: None) -> None:
    model = LetterListModel()
    model.set_records([_letter(2, 7), _letter(1, None)])
    qtmodeltester.check(model)
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row == ["02/03/2026 12:30", "Apology", "Suomi", "#7", "Maria Manager"]
    assert model.data(model.index(1, 3)) == ""
    assert model.data(model.index(0, 4), ToolTip) == _letter(2, 7).body[:300]
    assert model.data(model.index(1, 0), RECORD_ROLE) == _letter(1, None)
    assert model.record(0) == _letter(2, 7) and model.record(5) is None


def test_overdue_follow_ups_are_red_with_the_due_time_in_bold(
        qtmodeltester: ModelTester, english_screen: None) -> None:
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)

    def promise(n: int, due: datetime, overdue: bool) -> FollowUp:
        return FollowUp(id=n, complaint_id=n, customer_id=None, customer_name="",
                        owner_id=1, owner_name="Sami", promise=f"call {n}", due_at=due,
                        status="open", overdue=overdue)

    model = FollowUpModel()
    model.set_follow_ups([promise(1, now + timedelta(days=1), False),
                          promise(2, now - timedelta(days=1), True)])
    qtmodeltester.check(model)
    assert model.overdue_count() == 1
    assert model.data(model.index(0, 0)) == "28/02/2026 12:00 (overdue)"
    assert model.data(model.index(0, 1)) == "Walk-in"
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(1, 2), FOLLOW_UP_ROLE).promise == "call 1"


def test_staff_limits_are_right_aligned_and_every_cell_has_its_tooltip(
        qtmodeltester: ModelTester) -> None:
    model = StaffTableModel(lambda minor: f"{minor / 100:.2f}")
    model.set_staff([
        Staff(id=1, name="Zoe", role="supervisor", limit_minor=5000, active=True,
              has_pin=True),
        Staff(id=2, name="Adam", role="staff", limit_minor=0, active=False,
              has_pin=True),
    ])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "50.00"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.data(model.index(1, 0), ToolTip) == "Adam"  # inactive last
    assert model.row_of(2) == 1 and model.row_of(99) == -1
    assert model.staff_at(0).name == "Zoe"  # type: ignore[union-attr]


def test_compensation_status_colours_and_value_alignment(qtmodeltester: ModelTester) -> None:
    model = CompensationLinesModel()
    totals: list[int] = []
    model.total_changed.connect(totals.append)
    model.set_lines([CompensationLine(kind="discount_amount", amount_minor=500,
                                      status="refused")])
    model.add_line(CompensationLine(kind="apology"))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) == QColor("#8e0000")
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ForegroundRole) is None
    assert model.headerData(2, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    model.remove_line(0)
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.line(0).kind == "apology"
    assert len(totals) == 3
