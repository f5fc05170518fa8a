"""Phone numbers read from the cached shape of a number must read exactly as phonenumbers
reads the whole number: an import normalises a million numbers this way and search finds
customers by the variants."""

from __future__ import annotations

import os

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from db.customers.phones import normalise_phone, phone_variants

REGIONS = ("FI", "SE", "TW", "US", "GB", "DE", "CN", "IT")


def _variants_by_phonenumbers(phone: str, region: str) -> tuple[str, ...]:
    written = "".join(ch for ch in phone if ch.isdigit())
    if not written:
        return ()
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return (written,)
    if not phonenumbers.is_possible_number(number):
        return (written,)
    national = phonenumbers.national_significant_number(number)
    prefix = phonenumbers.ndd_prefix_for_region(
        phonenumbers.region_code_for_country_code(number.country_code), True) or ""
    found = [written]
    for variant in (f"{number.country_code}{national}", prefix + national):
        if variant not in found:
            found.append(variant)
    return tuple(found)


def _normalised_by_phonenumbers(phone: str, region: str) -> str:
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return phone
    if not phonenumbers.is_possible_number(number):
        return phone
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


_start = st.sampled_from(["", "+", "00", "0", "+358", "+886", "+1", "+44", "+39", "+86",
                          "04", "09", "0912", "212", "07", "180020", "+44180020",
                          "+4407", "+867"])
_phone = st.builds(lambda start, rest, sep: start + sep.join(rest), _start,
                   st.lists(st.text("0123456789", min_size=1, max_size=4), min_size=1,
                            max_size=5),
                   st.sampled_from(["", " ", "-"]))


@settings(max_examples=int(os.environ.get("PHONE_EXAMPLES", "400")), deadline=None,
          derandomize="PHONE_EXAMPLES" not in os.environ)
@given(_phone, st.sampled_from(REGIONS))
def test_search_variants_equal_phonenumbers_reading(phone: str, region: str) -> None:
    phone_variants.cache_clear()
    assert phone_variants(phone, region) == _variants_by_phonenumbers(phone, region)


@settings(max_examples=int(os.environ.get("PHONE_EXAMPLES", "400")), deadline=None,
          derandomize="PHONE_EXAMPLES" not in os.environ)
@given(_phone, st.sampled_from(REGIONS))
def test_normalised_number_equals_phonenumbers_format(phone: str, region: str) -> None:
    ours, theirs = normalise_phone(phone, region), _normalised_by_phonenumbers(phone, region)
    assert _digits(ours) == _digits(theirs)  # the same number
    if _valid(phone, region):  # and grouped alike (an invalid one may group differently)
        assert ours == theirs


@settings(max_examples=int(os.environ.get("PHONE_EXAMPLES", "400")), deadline=None,
          derandomize="PHONE_EXAMPLES" not in os.environ)
@given(_phone, st.sampled_from(REGIONS))
def test_a_number_just_normalised_is_found_as_phonenumbers_reads_it(phone: str,
                                                                     region: str) -> None:
    # the import indexes a number right after normalising it (from the remembered reading)
    phone_variants.cache_clear()
    stored = normalise_phone(phone, region)
    assert phone_variants(stored, region) == _variants_by_phonenumbers(stored, region)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _valid(phone: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(phone, region))
    except phonenumbers.NumberParseException:
        return False


def test_variants_of_a_normalised_number_find_both_ways_of_writing_it() -> None:
    # what the import stores (international) is found by the local and the international form
    assert phone_variants(normalise_phone("040 123 4567", "FI"), "FI") == (
        "358401234567", "0401234567")
    # UK area codes of five digits beside those of four, and mobile numbers
    assert normalise_phone("013873 01234", "GB") == "+44 13873 01234"
    for uk in ("01387 201234", "01387 401234", "020 7946 0958", "07922 565634",
               "+44 7700 900123", "+44 1632 960123", "0113 496 0000"):
        assert normalise_phone(uk, "GB") == _normalised_by_phonenumbers(uk, "GB"), uk
    # China: mobile numbers, numbers a carrier code is stripped from, a 10800 number
    for cn in ("+86 151 4932 2772", "+86 138 0013 8000", "+86 10 6552 9988",
               "+86 1080 0123 4567", "+86 17951 138 0013 8000", "+86 10800 123 4567",
               "+86 21 8001 2345"):
        assert normalise_phone(cn, "FI") == _normalised_by_phonenumbers(cn, "FI"), cn
        assert phone_variants(cn, "FI") == _variants_by_phonenumbers(cn, "FI"), cn
    # Italy: the 0 is part of the number, not a trunk prefix
    assert phone_variants("+39 06 1234 5678", "FI") == ("390612345678", "0612345678")
