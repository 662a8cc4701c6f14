"""The Czech and German catalogs translate every interface string, compiled.

Extraction needs no GNU gettext, so this runs on a bare machine: Babel's
extractor reads the Python sources with the keywords makemessages gives
xgettext, and Django's own templatize() turns each template into the source
that makemessages hands to xgettext, so `trimmed`, plurals and variables come
out exactly as Django looks them up when it renders.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from unittest import mock

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ("cs", "de")
# Babel knows gettext's Python keywords; these are the ones makemessages adds.
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_noop": None,
    "gettext_lazy": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
TEMPLATE_SUFFIXES = (".html", ".txt")
# Not the site's interface (tests, makemessages ignores them too), not sources
# (static files, catalogs, uploads, build output).
SKIPPED_DIRS = {"tests", "static", "staticfiles", "media", "locale", "build"}

# (msgid, context) -> (msgid_plural or None, first place it is used)
Messages = dict[tuple[str, str | None], tuple[str | None, str]]


def messages_in_python(source: str) -> Iterator[tuple[str, str | None, str | None]]:
    """(msgid, msgid_plural, context) of each translatable string in `source`."""
    found = extract(
        "python",
        io.BytesIO(source.encode()),
        keywords=KEYWORDS,
        options={"encoding": "utf-8"},
    )
    for _lineno, message, _comments, context in found:
        if isinstance(message, tuple):
            yield message[0], message[1], context
        else:
            yield message, None, context


def messages_in_template(source: str) -> Iterator[tuple[str, str | None, str | None]]:
    """The same for a template, read through makemessages' templatize()."""
    # templatize() keeps the template's indentation, which xgettext ignores and
    # Python's tokenizer rejects; each call it writes stands on one line.
    code = "\n".join(line.lstrip() for line in templatize(source).splitlines())
    yield from messages_in_python(code)


def source_files() -> Iterator[Path]:
    """The files makemessages would read for the django domain."""
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(
            name
            for name in dirs
            if not name.startswith(".")
            and name not in SKIPPED_DIRS
            and not name.endswith(".egg-info")
            and not (Path(folder, name) / "pyvenv.cfg").exists()
        )
        for name in sorted(files):
            if name.endswith((".py", *TEMPLATE_SUFFIXES)):
                yield Path(folder, name)


@cache
def project_messages() -> Messages:
    messages: Messages = {}
    for path in source_files():
        source = path.read_text(encoding="utf-8")
        read = messages_in_python if path.suffix == ".py" else messages_in_template
        for msgid, plural, context in read(source):
            place = str(path.relative_to(ROOT))
            messages.setdefault((msgid, context), (plural, place))
    return messages


def catalog_path(language: str, suffix: str) -> Path:
    return ROOT / "locale" / language / "LC_MESSAGES" / f"django.{suffix}"


def read_catalog(language: str) -> Catalog:
    with catalog_path(language, "po").open("rb") as po:
        return read_po(po, locale=language)


def translations(catalog: Catalog) -> dict[tuple, tuple[str, ...]]:
    """What a compiled catalog holds: translated, non-fuzzy entries only."""
    held = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        strings = message.string if message.pluralizable else [message.string]
        if all(strings):
            msgid = message.id if message.pluralizable else (message.id,)
            held[tuple(msgid), message.context] = tuple(strings)
    return held


def test_extraction_finds_strings_in_python_and_templates():
    places = {place for _plural, place in project_messages().values()}

    assert any(place.endswith(".py") for place in places)
    assert any(place.endswith(TEMPLATE_SUFFIXES) for place in places)


def test_python_extraction_knows_djangos_keywords():
    source = (
        'gettext_lazy("Lazy")\n'
        'ngettext_lazy("One visit", "%(count)s visits", "count")\n'
        'pgettext_lazy("month", "May")\n'
        '_("Implicit " "concatenation")\n'
    )

    assert list(messages_in_python(source)) == [
        ("Lazy", None, None),
        ("One visit", "%(count)s visits", None),
        ("May", None, "month"),
        ("Implicit concatenation", None, None),
    ]


@pytest.mark.parametrize(
    "template",
    [
        "{% translate 'Visits' context 'menu' %}",
        "{% blocktranslate trimmed with name=person %}\n"
        "    Visits of\n    {{ name }}\n{% endblocktranslate %}",
        "{% blocktranslate trimmed count counter=total %}\n  One   visit\n"
        "{% plural %}\n  {{ counter }} visits\n{% endblocktranslate %}",
        "{% blocktranslate context 'page' %} 50% of {{ n }} {% endblocktranslate %}",
    ],
)
def test_template_extraction_gives_the_msgid_django_looks_up(template):
    looked_up = []

    def record(*args):
        looked_up.append(args)
        return args[-2] if len(args) > 2 and isinstance(args[-1], int) else args[-1]

    # {% blocktranslate %} calls these at render time, {% translate %} the lazy
    # ones that django.template.base imported.
    functions = ("gettext", "pgettext", "ngettext", "npgettext")
    with (
        translation.override("en"),
        mock.patch.multiple(
            translation, **{name: mock.Mock(side_effect=record) for name in functions}
        ),
        mock.patch.multiple(
            "django.template.base",
            gettext_lazy=mock.Mock(side_effect=record),
            pgettext_lazy=mock.Mock(side_effect=record),
        ),
    ):
        Template("{% load i18n %}" + template).render(
            Context({"person": "Ana", "total": 3, "n": 4})
        )

    ((msgid, plural, context),) = messages_in_template(template)
    expected = tuple(part for part in (context, msgid, plural) if part is not None)
    assert looked_up[0][: len(expected)] == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    catalog = read_catalog(language)
    problems = []
    for (msgid, context), (plural, place) in sorted(
        project_messages().items(), key=lambda item: item[1][1]
    ):
        entry = catalog.get(msgid, context=context)
        if entry is None:
            problem = "no entry"
        elif entry.fuzzy:
            problem = "fuzzy"
        elif plural is not None and not entry.pluralizable:
            problem = "no plural forms"
        elif plural is not None and len(entry.string) != catalog.num_plurals:
            problem = f"needs {catalog.num_plurals} plural forms"
        elif not all(entry.string if entry.pluralizable else [entry.string]):
            problem = "empty msgstr"
        else:
            continue
        label = f"{context}|{msgid}" if context else msgid
        problems.append(f"{place}: {problem}: {label!r}")

    assert not problems, (
        f"locale/{language}/LC_MESSAGES/django.po lacks translations "
        "(add them, then `make messages`):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_holds_the_po_translations(language):
    compiled = catalog_path(language, "mo")
    assert compiled.exists(), f"{compiled.relative_to(ROOT)} missing: `make messages`"

    with compiled.open("rb") as mo:
        in_mo = translations(read_mo(mo))
    in_po = translations(read_catalog(language))

    stale = sorted(
        "|".join(filter(None, (context, msgid[0])))
        for (msgid, context) in in_po.keys() | in_mo.keys()
        if in_po.get((msgid, context)) != in_mo.get((msgid, context))
    )
    assert not stale, (
        f"{compiled.relative_to(ROOT)} differs from its .po (`make messages`):\n"
        + "\n".join(stale)
    )
