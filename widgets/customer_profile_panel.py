"""The customer profile at a glance, with the purchase history below it.

Everything staff need to greet and serve a customer: name, number, tier, contact,
language, birthday badge, allergies in a red banner, preferences, tags, personality and
its serving tip, the facts (visits, spend, last visit, favourites, recent complaints and
compensation) and the history, which loads lazily.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.clock import today_local
from db.customers.records import get_profile
from db.models import CustomerProfile
from widgets import data_bus
from widgets.allergen_display import AllergenBanner
from widgets.context import AppContext
from widgets.elided import ElidedLabel
from widgets.flow_layout import FlowLayout
from widgets.labels import (
    format_date,
    language_name,
    personality_name,
    serving_tip,
    tier_name,
)
from widgets.purchase_history_model import COL_ITEMS, PurchaseHistoryModel

FACTS = (
    "phone", "email", "language", "birthday", "preferences", "tags", "personality",
    "family_dates", "visits", "total_spend", "last_visit", "favourites", "complaints_90d",
    "compensation_90d",
)


class CustomerProfilePanel(QWidget):
    edit_requested = Signal(int)
    purchase_requested = Signal(int)
    profile_shown = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.profile: CustomerProfile | None = None
        page_size = int(ctx.options.get("history_page_size") or 50)
        self.history_model = PurchaseHistoryModel(
            ctx.db, currency=ctx.settings.currency, locale=ctx.locale(),
            page_size=page_size, timezone=ctx.settings.timezone, parent=self,
        )

        # Header: name, number, tier and birthday badges.
        self.name_label = QLabel()
        self.name_label.setObjectName("CustomerName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setWordWrap(True)
        self.number_label = QLabel()
        self.number_label.setObjectName("CustomerNumber")
        self.tier_badge = QLabel()
        self.tier_badge.setObjectName("TierBadge")
        self.birthday_badge = QLabel()
        self.birthday_badge.setObjectName("BirthdayBadge")
        header = QHBoxLayout()
        header.addWidget(self.name_label, 1)
        header.addWidget(self.birthday_badge)
        header.addWidget(self.tier_badge)
        header.addWidget(self.number_label)

        self.allergy_banner = AllergenBanner()

        # Facts in two columns of title/value pairs.
        titles = {
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "language": self.tr("Language"),
            "birthday": self.tr("Birthday"),
            "preferences": self.tr("Preferences"),
            "tags": self.tr("Tags"),
            "personality": self.tr("Personality"),
            "family_dates": self.tr("Family dates"),
            "visits": self.tr("Visits"),
            "total_spend": self.tr("Total spend"),
            "last_visit": self.tr("Last visit"),
            "favourites": self.tr("Favourites"),
            "complaints_90d": self.tr("Complaints (90 days)"),
            "compensation_90d": self.tr("Compensation (90 days)"),
        }
        left = ("phone", "email", "language", "birthday", "family_dates", "preferences",
                "tags", "personality")
        right = ("visits", "total_spend", "last_visit", "favourites", "complaints_90d",
                 "compensation_90d")
        self.facts: dict[str, QLabel] = {}
        self.fact_titles: dict[str, QLabel] = {}
        self.tip_label = QLabel()
        self.tip_label.setObjectName("EmptyHint")
        self.tip_label.setWordWrap(True)
        # Two independent grids, so a tall fact on one side leaves no gap on the other.
        columns = QHBoxLayout()
        columns.setSpacing(32)
        for keys, stretch in ((left, 1), (right, 1)):
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(4)
            for row, key in enumerate(keys):
                title = QLabel(titles[key])
                title.setObjectName("FactTitle")
                title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                title.setWordWrap(True)  # "Perheen merkkipäivät" takes two lines if need be
                # an address has no place to wrap: "…" and the whole of it in the tooltip
                value = ElidedLabel() if key == "email" else QLabel()
                value.setObjectName("FactValue")
                value.setWordWrap(key != "email")
                value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                title.setBuddy(value)
                grid.addWidget(title, row, 0)
                grid.addWidget(value, row, 1)
                self.facts[key] = value
                self.fact_titles[key] = title
                if key == "personality":
                    grid.addWidget(self.tip_label, row + 1, 1)
            grid.setColumnStretch(1, 1)
            grid.setRowStretch(grid.rowCount(), 1)
            columns.addLayout(grid, stretch)

        # Actions: others add theirs with add_action().
        self.edit_button = QPushButton(self.tr("&Edit customer"))
        self.edit_button.setToolTip(self.tr("Ctrl+E"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.purchase_button = QPushButton(self.tr("Record &purchase"))
        self.purchase_button.setToolTip(self.tr("Ctrl+R"))
        self.purchase_button.setProperty("primary", True)
        self.purchase_button.clicked.connect(self._on_purchase_clicked)
        # a flowing row: what does not fit (Finnish, data-rights buttons) goes on a second
        # row instead of squeezing every button below its text
        self.actions_row = FlowLayout()
        self.actions_row.addWidget(self.purchase_button)
        self.actions_row.addWidget(self.edit_button)

        # History.
        history_title = QLabel(self.tr("Purchase history"))
        history_title.setObjectName("SectionTitle")
        self.history_view = QTableView()
        self.history_view.setObjectName("PurchaseHistory")
        self.history_view.setModel(self.history_model)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().setVisible(False)
        self.history_view.verticalHeader().setDefaultSectionSize(44)
        self.history_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.history_view.horizontalHeader().setSectionResizeMode(
            COL_ITEMS, QHeaderView.ResizeMode.Stretch)
        self.history_view.setAccessibleName(self.tr("Purchase history"))
        self.history_empty = QLabel(self.tr("No purchases yet."))
        self.history_empty.setObjectName("EmptyHint")

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.addLayout(header)
        layout.addWidget(self.allergy_banner)
        # the actions right under the name and allergies: always in view, however long
        # the facts below are in the screen's language
        layout.addLayout(self.actions_row)
        layout.addWidget(line)

        # Below the line: the purchase history, then sections other areas add
        # (complaint history, letters), in one scrolling area so none is squeezed.
        self.history_view.setMinimumHeight(7 * 36 + 40)
        self.sections = QWidget()
        self.sections.setObjectName("ProfileSections")
        self.sections_layout = QVBoxLayout(self.sections)
        self.sections_layout.setContentsMargins(0, 0, 8, 0)
        # the facts scroll with the history and sections: nothing is squeezed on a 768 px till
        self.sections_layout.addLayout(columns)
        facts_line = QFrame()
        facts_line.setFrameShape(QFrame.Shape.HLine)
        self.sections_layout.addWidget(facts_line)
        self.sections_layout.addWidget(history_title)
        self.sections_layout.addWidget(self.history_empty)
        self.sections_layout.addWidget(self.history_view)
        self.sections_layout.addStretch(1)
        self.sections_scroll = QScrollArea()
        self.sections_scroll.setWidgetResizable(True)
        self.sections_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sections_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections_scroll.setWidget(self.sections)
        layout.addWidget(self.sections_scroll, 1)

        ctx.bus.data_changed.connect(self._on_data_changed)

    # -- extension point
    def add_action(self, button: QPushButton) -> None:
        """Put another action (e.g. "New complaint", "Letter") on the profile's actions row."""
        self.actions_row.insertWidget(self.actions_row.count(), button)

    def add_section(self, widget: QWidget, title: str | None = None) -> None:
        """Add a block below the purchase history (e.g. complaint history, letters).

        Sections scroll together with the history; a section may hide itself when it has
        nothing to show.
        """
        position = self.sections_layout.count() - 1  # before the stretch
        if title:
            label = QLabel(title)
            label.setObjectName("SectionTitle")
            self.sections_layout.insertWidget(position, label)
            position += 1
        self.sections_layout.insertWidget(position, widget)

    @property
    def customer_id(self) -> int | None:
        return self.profile.customer.id if self.profile else None

    # -- showing a customer
    def set_customer(self, customer_id: int) -> None:
        """Read the profile (one call) and the first history page, then show them."""
        today = today_local(self.ctx.settings.timezone)
        self.profile = get_profile(self.ctx.db, customer_id, today=today)
        self._show_profile(self.profile)
        self.history_model.set_customer(customer_id)
        self.history_empty.setVisible(self.history_model.rowCount() == 0)
        self.history_view.scrollToTop()
        self.sections_scroll.verticalScrollBar().setValue(0)
        self.profile_shown.emit(customer_id)

    def refresh(self) -> None:
        """Re-read the customer shown (a change here or at another till), keeping the
        scroll positions, so nothing jumps under the person's eyes."""
        if self.profile is None:
            return
        bars = (self.sections_scroll.verticalScrollBar(),
                self.history_view.verticalScrollBar())
        positions = [bar.value() for bar in bars]
        self.set_customer(self.profile.customer.id)
        for bar, value in zip(bars, positions, strict=True):
            bar.setValue(value)

    def _show_profile(self, profile: CustomerProfile) -> None:
        c = profile.customer
        loc = QLocale()  # dates and counts in the screen language; money in the shop's
        none = self.tr("—")
        self.name_label.setText(c.name)
        self.number_label.setText(c.customer_no)
        self.tier_badge.setText(tier_name(c.tier))
        self.tier_badge.setProperty("tier", c.tier)
        self.tier_badge.style().unpolish(self.tier_badge)
        self.tier_badge.style().polish(self.tier_badge)

        days = profile.birthday_in_days
        if days is None or days > 30:
            self.birthday_badge.hide()
            self.birthday_badge.clear()
        else:
            if days == 0:
                self.birthday_badge.setText(self.tr("Birthday today!"))
            elif days == 1:
                self.birthday_badge.setText(self.tr("Birthday tomorrow"))
            else:
                self.birthday_badge.setText(self.tr("Birthday in %n day(s)", "", days))
            self.birthday_badge.show()

        self.allergy_banner.set_allergies(c.allergens, c.allergies)

        f = self.facts
        f["phone"].setText(c.phone or none)
        f["email"].setText(c.email or none)
        f["language"].setText(language_name(c.language))
        f["birthday"].setText(self._birthday_text(c.birth_month, c.birth_day, c.birth_year)
                              if c.birth_month and c.birth_day else none)
        f["family_dates"].setText(
            "; ".join(f"{d.label}: {self._day_month(d.month, d.day)}" for d in c.family_dates)
            or none)
        f["preferences"].setText(c.preferences or none)
        f["tags"].setText(", ".join(c.tags) or none)
        f["personality"].setText(personality_name(c.personality) or none)
        tip = serving_tip(c.personality)
        self.tip_label.setText(tip)
        self.tip_label.setVisible(bool(tip))
        f["visits"].setText(loc.toString(c.visits))
        f["total_spend"].setText(self.ctx.format_money(c.total_spend_minor))
        if c.last_visit_at is not None:
            last = c.last_visit_at.astimezone(ZoneInfo(self.ctx.settings.timezone)).date()
            ago = (today_local(self.ctx.settings.timezone) - last).days
            when = format_date(last)
            f["last_visit"].setText(
                self.tr("{date} (today)").replace("{date}", when) if ago == 0 else
                self.tr("{date} (yesterday)").replace("{date}", when) if ago == 1 else
                self.tr("{date} (%n day(s) ago)", "", ago).replace("{date}", when))
        else:
            f["last_visit"].setText(self.tr("Never"))
        f["favourites"].setText(
            "\n".join(f"{fav.name} × {loc.toString(fav.quantity)}" for fav in profile.favourites)
            or none)
        f["complaints_90d"].setText(loc.toString(profile.complaints_90d))
        f["compensation_90d"].setText(self.tr("%1 · %2").replace(  # how many · how much
            "%1", loc.toString(profile.compensations_90d)).replace(
            "%2", self.ctx.format_money(profile.compensation_90d_minor)))

    def _day_month(self, month: int, day: int) -> str:
        # A leap year, so 29 February can be shown; the locale gives the pattern.
        return format_date(date(2000, month, day), with_year=False)

    def _birthday_text(self, month: int, day: int, year: int | None) -> str:
        if year:
            try:
                return format_date(date(year, month, day))
            except ValueError:  # not a valid date in that year; show what is known
                pass
        return self._day_month(month, day)

    # -- reacting
    def _on_edit_clicked(self) -> None:
        if self.customer_id is not None:
            self.edit_requested.emit(self.customer_id)

    def _on_purchase_clicked(self) -> None:
        if self.customer_id is not None:
            self.purchase_requested.emit(self.customer_id)

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if self.profile is not None and data_bus.concerns(
            entity, entity_id, data_bus.CUSTOMER, self.profile.customer.id
        ):
            self.refresh()
