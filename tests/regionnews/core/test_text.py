"""Sorting names in the reader's language (regionnews.core.text)."""

from django.utils import translation

from regionnews.core.text import collation_key, surname_key


def in_order(names, language):
    return sorted(names, key=lambda name: collation_key(name, language))


def test_czech_sorts_s_caron_after_every_s_not_after_z():
    names = ["Zambie", "Švédsko", "Srbsko", "Slovensko", "Rusko"]

    assert in_order(names, "cs") == [
        "Rusko",
        "Slovensko",
        "Srbsko",
        "Švédsko",
        "Zambie",
    ]


def test_czech_sorts_ch_after_h():
    names = ["Chorvatsko", "Indie", "Hongkong", "Gruzie", "Chile"]

    assert in_order(names, "cs") == [
        "Gruzie",
        "Hongkong",
        "Chile",
        "Chorvatsko",
        "Indie",
    ]


def test_czech_sorts_c_caron_after_c_and_r_caron_after_r():
    assert in_order(["Čína", "Dánsko", "Chile", "Chorvatsko", "Cuba"], "cs")[:3] == [
        "Cuba",
        "Čína",
        "Dánsko",
    ]
    assert in_order(["Řecko", "Rwanda", "Rusko"], "cs") == ["Rusko", "Rwanda", "Řecko"]


def test_czech_ignores_other_accents_at_first():
    assert in_order(["Ekvádor", "Írán", "Indie", "Irák"], "cs") == [
        "Ekvádor",
        "Indie",
        "Irák",
        "Írán",
    ]


def test_german_and_english_sort_accented_letters_with_their_base():
    assert in_order(["Zypern", "Österreich", "Oman", "Polen"], "de") == [
        "Oman",
        "Österreich",
        "Polen",
        "Zypern",
    ]
    assert in_order(["Chile", "China", "Czechia", "Curaçao"], "en") == [
        "Chile",
        "China",
        "Curaçao",
        "Czechia",
    ]


def test_case_does_not_decide_the_order():
    assert in_order(["beta", "Alpha", "ALPHA2"], "en") == ["Alpha", "ALPHA2", "beta"]


def test_active_language_is_the_default():
    names = ["Švédsko", "Szolnok"]
    with translation.override("cs"):
        assert sorted(names, key=collation_key) == ["Szolnok", "Švédsko"]
    with translation.override("en"):
        assert sorted(names, key=collation_key) == ["Švédsko", "Szolnok"]


def test_people_are_sorted_by_surname():
    names = ["Rudolf Špoták", "Bakyt Dyussenbayev", "Timur Akhmetzhanov", "Anna Spotz"]

    assert sorted(names, key=lambda name: surname_key(name, "cs")) == [
        "Timur Akhmetzhanov",
        "Bakyt Dyussenbayev",
        "Anna Spotz",
        "Rudolf Špoták",
    ]
