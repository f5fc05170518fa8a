"""The 14 allergens EU food law requires to be declared, as codes, with their names.

Regulation (EU) No 1169/2011, Annex II. A customer's allergies are stored as these codes
(shown in the reader's language, whatever language the customer speaks) plus free text for
anything else. `NAMES` holds the four languages' names (used to map what staff typed or an
import file holds to a code, and as the fallback when a catalogue lacks a name); the
English names are marked with `N_` so the catalogues translate them too.
"""

from __future__ import annotations

from db.i18n import N_, _, current_language
from db.text import search_key

CODES: tuple[str, ...] = (
    "gluten", "crustaceans", "eggs", "fish", "peanuts", "soybeans", "milk", "nuts",
    "celery", "mustard", "sesame", "sulphites", "lupin", "molluscs",
)
"""Annex II order: the order every screen lists them in."""

ENGLISH: dict[str, str] = {
    "gluten": N_("Gluten (cereals)"),
    "crustaceans": N_("Crustaceans"),
    "eggs": N_("Eggs"),
    "fish": N_("Fish"),
    "peanuts": N_("Peanuts"),
    "soybeans": N_("Soybeans"),
    "milk": N_("Milk"),
    "nuts": N_("Nuts"),
    "celery": N_("Celery"),
    "mustard": N_("Mustard"),
    "sesame": N_("Sesame"),
    "sulphites": N_("Sulphites"),
    "lupin": N_("Lupin"),
    "molluscs": N_("Molluscs"),
}

NAMES: dict[str, dict[str, str]] = {
    "en": dict(ENGLISH),
    "fi": {
        "gluten": "gluteeni (viljat)", "crustaceans": "äyriäiset", "eggs": "kananmuna",
        "fish": "kala", "peanuts": "maapähkinä", "soybeans": "soija", "milk": "maito",
        "nuts": "pähkinät", "celery": "selleri", "mustard": "sinappi", "sesame": "seesami",
        "sulphites": "sulfiitit", "lupin": "lupiini", "molluscs": "nilviäiset",
    },
    "zh-TW": {
        "gluten": "麩質穀物", "crustaceans": "甲殼類", "eggs": "蛋", "fish": "魚類",
        "peanuts": "花生", "soybeans": "大豆", "milk": "乳製品", "nuts": "堅果",
        "celery": "芹菜", "mustard": "芥末", "sesame": "芝麻", "sulphites": "亞硫酸鹽",
        "lupin": "羽扇豆", "molluscs": "軟體動物",
    },
    "zh-CN": {
        "gluten": "麸质谷物", "crustaceans": "甲壳类", "eggs": "蛋类", "fish": "鱼类",
        "peanuts": "花生", "soybeans": "大豆", "milk": "乳制品", "nuts": "坚果",
        "celery": "芹菜", "mustard": "芥末", "sesame": "芝麻", "sulphites": "亚硫酸盐",
        "lupin": "羽扇豆", "molluscs": "软体动物",
    },
}

# Other ways people write them (singular, plural, spelling, the food named instead of the
# group). "shellfish" covers both crustaceans and molluscs. Lactose is left out on purpose:
# an intolerance, not the milk allergy, so it stays free text and an import reports it.
_ALIASES: dict[str, tuple[str, ...]] = {
    "gluten": (
        "gluten", "cereals containing gluten", "cereals", "wheat", "rye", "barley", "oats",
        "spelt", "kamut", "gluten free", "coeliac", "celiac", "gluteeni", "gluteenit",
        "gluteeniton", "keliakia", "vehnä", "ruis", "ohra", "kaura", "spelta", "viljat",
        "麩質", "麸质", "麩質穀物", "麸质谷物", "小麥", "小麦", "麥", "麦", "穀物", "谷物",
    ),
    "crustaceans": (
        "crustacean", "crustaceans", "shrimp", "shrimps", "prawn", "prawns", "crab", "crabs",
        "lobster", "crayfish", "äyriäinen", "äyriäiset", "katkarapu", "katkaravut", "rapu",
        "ravut", "hummeri", "甲殼類", "甲壳类", "甲殼", "甲壳", "蝦", "虾", "蟹", "龍蝦", "龙虾",
    ),
    "eggs": (
        "egg", "eggs", "kananmuna", "kananmunat", "muna", "munat", "蛋", "雞蛋", "鸡蛋",
        "蛋類", "蛋类",
    ),
    "fish": ("fish", "kala", "kalat", "魚", "鱼", "魚類", "鱼类"),
    "peanuts": (
        "peanut", "peanuts", "groundnut", "groundnuts", "arachis", "maapähkinä",
        "maapähkinät", "花生", "落花生",
    ),
    "soybeans": (
        "soy", "soya", "soybean", "soybeans", "soya beans", "soy beans", "soja", "soija",
        "soijapapu", "大豆", "黃豆", "黄豆", "大豆類", "大豆类",
    ),
    "milk": (
        "milk", "dairy", "cow's milk", "cows milk", "milk protein", "maito", "maitotuotteet",
        "maitoproteiini", "牛奶", "牛乳", "乳", "乳製品", "乳制品", "奶", "奶類", "奶类",
    ),
    "nuts": (
        "nut", "nuts", "tree nut", "tree nuts", "almond", "almonds", "hazelnut",
        "hazelnuts", "walnut", "walnuts", "cashew", "cashews", "pecan", "pecans",
        "pistachio", "pistachios", "macadamia", "macadamias", "brazil nut", "brazil nuts",
        "pähkinä", "pähkinät", "puupähkinät", "manteli", "mantelit", "hasselpähkinä",
        "saksanpähkinä", "cashewpähkinä", "堅果", "坚果", "堅果類", "坚果类", "杏仁",
        "核桃", "腰果", "榛果", "開心果", "开心果",
    ),
    "celery": ("celery", "celeriac", "selleri", "varsiselleri", "芹菜", "西芹"),
    "mustard": ("mustard", "sinappi", "芥末", "芥菜籽", "黃芥末", "黄芥末"),
    "sesame": (
        "sesame", "sesame seed", "sesame seeds", "seesami", "seesaminsiemen",
        "seesaminsiemenet", "芝麻",
    ),
    "sulphites": (
        "sulphite", "sulphites", "sulfite", "sulfites", "sulphur dioxide", "sulfur dioxide",
        "so2", "sulfiitti", "sulfiitit", "rikkidioksidi", "亞硫酸鹽", "亚硫酸盐", "二氧化硫",
    ),
    "lupin": ("lupin", "lupins", "lupine", "lupines", "lupiini", "羽扇豆"),
    "molluscs": (
        "mollusc", "molluscs", "mollusk", "mollusks", "squid", "octopus", "mussel",
        "mussels", "oyster", "oysters", "clam", "clams", "scallop", "scallops", "snail",
        "snails", "nilviäinen", "nilviäiset", "simpukka", "simpukat", "osteri", "mustekala",
        "軟體動物", "软体动物", "貝類", "贝类", "蚌", "牡蠣", "牡蛎", "魷魚", "鱿鱼",
    ),
}
_SHELLFISH = ("shellfish", "äyriäiset ja nilviäiset", "海鮮", "海鲜", "貝殼類", "贝壳类")


_PUNCTUATION = str.maketrans({c: " " for c in ".,;:!?()[]*\"'（）"})


def _key(text: str) -> str:
    return " ".join(search_key(text).translate(_PUNCTUATION).split())


def _build_lookup() -> dict[str, tuple[str, ...]]:
    lookup: dict[str, tuple[str, ...]] = {}
    for code in CODES:
        names = [code, *_ALIASES[code], *(NAMES[lang][code] for lang in NAMES)]
        for name in names:
            lookup[_key(name)] = (code,)
    for name in _SHELLFISH:
        lookup[_key(name)] = ("crustaceans", "molluscs")
    return lookup


_LOOKUP = _build_lookup()


def codes_for(text: str) -> tuple[str, ...]:
    """The allergen codes `text` names ("Peanuts", "maapähkinä", "花生" -> peanuts); () when
    it names none of the 14 (then it is free text)."""
    key = _key(text)
    found = _LOOKUP.get(key)
    if found is None and key.endswith(" allergy"):
        found = _LOOKUP.get(key.removesuffix(" allergy"))
    if found is None and key.endswith("allergia"):  # "pähkinäallergia"
        found = _LOOKUP.get(key.removesuffix("allergia").rstrip(" -"))
    if found is None and key.endswith("過敏"):
        found = _LOOKUP.get(key.removesuffix("過敏"))
    if found is None and key.endswith("过敏"):
        found = _LOOKUP.get(key.removesuffix("过敏"))
    return found or ()


def split_allergies(
    entries: list[str] | tuple[str, ...], codes: list[str] | tuple[str, ...] = ()
) -> tuple[list[str], list[str]]:
    """(codes in Annex II order, free text entries in their order): each entry that names
    one of the 14 becomes its code, the rest stays as it was written."""
    wanted = set(codes)
    free: list[str] = []
    for entry in entries:
        text = " ".join(entry.split())
        if not text:
            continue
        found = codes_for(text)
        if found:
            wanted.update(found)
        elif text not in free:
            free.append(text)
    return [c for c in CODES if c in wanted], free


def name(code: str, language: str | None = None) -> str:
    """The allergen's name in `language` (default: the screen's language).

    The catalogue's translation of the English name is used when it has one; otherwise the
    name from `NAMES`, so a Finnish screen says "maapähkinä" even before the catalogues are
    refreshed. An unknown code is returned as it is.
    """
    if code not in ENGLISH:
        return code
    lang = language or current_language()
    if language is None:
        translated = _(ENGLISH[code])
        if translated != ENGLISH[code] or lang == "en":
            return translated
    return NAMES.get(lang, NAMES["en"])[code]


def names(codes: list[str] | tuple[str, ...], language: str | None = None) -> list[str]:
    return [name(code, language) for code in codes]


__all__ = ["CODES", "ENGLISH", "NAMES", "codes_for", "name", "names", "split_allergies"]
