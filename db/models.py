"""Plain dataclasses passed between the data layer, reports and widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Role = Literal["staff", "supervisor", "manager"]
ROLES: tuple[Role, ...] = ("staff", "supervisor", "manager")

LANGUAGES: tuple[str, ...] = ("en", "fi", "zh-TW", "zh-CN")

SIGN_IN_PIN_CHOICES: tuple[str, ...] = ("supervisors", "everyone")

PERSONALITIES: tuple[str, ...] = ("lively", "decisive", "steady", "analytical")

TIERS: tuple[str, ...] = ("new", "bronze", "silver", "gold", "platinum")


@dataclass(frozen=True)
class Staff:
    id: int
    name: str
    role: Role
    limit_minor: int
    active: bool
    has_pin: bool

    @property
    def can_authorise(self) -> bool:
        return self.role in ("supervisor", "manager")


@dataclass(frozen=True)
class FamilyDate:
    label: str
    month: int
    day: int


@dataclass
class CustomerInput:
    """What a person typed into the customer form; validated before anything is saved."""

    name: str
    phone: str = ""
    email: str = ""
    language: str = "en"
    birth_month: int | None = None
    birth_day: int | None = None
    birth_year: int | None = None
    allergies: list[str] = field(default_factory=list)  # free text (validate maps the 14)
    preferences: str = ""
    tags: list[str] = field(default_factory=list)
    family_dates: list[FamilyDate] = field(default_factory=list)
    consent_contact: bool = False
    personality: str | None = None
    external_id: str | None = None
    form_of_address: str = ""  # how a letter greets them ("Ms Williams"); '' = full name
    allergens: list[str] = field(default_factory=list)  # codes from db.customers.allergens.CODES


@dataclass(frozen=True)
class Customer:
    id: int
    customer_no: str
    name: str
    phone: str
    email: str
    language: str
    birth_month: int | None
    birth_day: int | None
    birth_year: int | None
    allergies: tuple[str, ...]
    preferences: str
    tags: tuple[str, ...]
    family_dates: tuple[FamilyDate, ...]
    consent_contact: bool
    personality: str | None
    tier: str
    visits: int
    total_spend_minor: int
    last_visit_at: datetime | None
    external_id: str | None
    created_at: datetime
    form_of_address: str = ""
    # codes from db.customers.allergens.CODES; `allergies` is free text
    allergens: tuple[str, ...] = ()
    version: int = 1  # grows with every profile edit; an edit names the version it was typed on

    @property
    def has_allergies(self) -> bool:
        return bool(self.allergens or self.allergies)

    def to_input(self) -> CustomerInput:
        return CustomerInput(
            name=self.name,
            phone=self.phone,
            email=self.email,
            language=self.language,
            birth_month=self.birth_month,
            birth_day=self.birth_day,
            birth_year=self.birth_year,
            allergies=list(self.allergies),
            preferences=self.preferences,
            tags=list(self.tags),
            family_dates=list(self.family_dates),
            consent_contact=self.consent_contact,
            personality=self.personality,
            external_id=self.external_id,
            form_of_address=self.form_of_address,
            allergens=list(self.allergens),
        )


@dataclass(frozen=True)
class SearchHit:
    id: int
    customer_no: str
    name: str
    phone: str
    tier: str
    allergens: tuple[str, ...] = ()  # codes, shown in the reader's language
    allergies: tuple[str, ...] = ()  # free text
    last_visit_at: str | None = None
    visits: int = 0

    @property
    def has_allergies(self) -> bool:
        return bool(self.allergens or self.allergies)


@dataclass(frozen=True)
class FavouriteItem:
    name: str
    quantity: int


@dataclass(frozen=True)
class CustomerProfile:
    """Everything the profile panel shows at a glance, read in one call."""

    customer: Customer
    favourites: tuple[FavouriteItem, ...]
    complaints_90d: int
    compensation_90d_minor: int
    birthday_in_days: int | None  # 0 = today; None = no birthday known
    compensations_90d: int = 0  # approved compensation lines with a value, last 90 days


@dataclass(frozen=True)
class Product:
    id: int
    sku: str
    name: str
    category: str
    price_minor: int
    active: bool


@dataclass(frozen=True)
class PurchaseLine:
    product_id: int | None
    name: str
    quantity: int
    unit_price_minor: int

    @property
    def total_minor(self) -> int:
        return self.quantity * self.unit_price_minor


@dataclass(frozen=True)
class Purchase:
    id: int
    customer_id: int | None
    receipt_id: str | None
    purchased_at: datetime
    total_minor: int
    lines: tuple[PurchaseLine, ...]


@dataclass(frozen=True)
class BirthdayEntry:
    customer_id: int
    customer_no: str
    name: str
    month: int
    day: int
    on: date  # the date it falls on this time
    age: int | None


@dataclass(frozen=True)
class ShopSettings:
    shop_name: str = "Counterpart Café"
    address: str = ""
    phone: str = ""
    email: str = ""
    currency: str = "EUR"
    locale: str = "fi_FI"
    timezone: str = "Europe/Helsinki"
    page_size: str = "A4"
    report_language: str = "en"
    logo_path: str = ""
    manager_limit_minor: int = 50_000
    pin_max_attempts: int = 5
    pin_lockout_minutes: int = 15
    # Who signs in with a PIN: "supervisors" (supervisors and managers; floor staff tap
    # their name) or "everyone". Managers always do: manager screens need it.
    sign_in_pin: str = "supervisors"
    idle_sign_out_minutes: int = 10  # the console signs out after this long untouched
    pin_shop_max_attempts: int = 15  # wrong PINs at all consoles together per lockout window
    pin_min_length_supervisor: int = 4
    pin_min_length_manager: int = 4
    backup_folder: str = ""  # empty: a "backups" folder beside the database
    backup_second_folder: str = ""  # a USB stick or a share; empty: none
    retention_months: int = 36  # customers inactive this long are listed for review
