"""Small factories for unit tests: each makes one valid object with sane defaults.

Keyword arguments override any field; translated fields are set per language
(`title_en=...`). Related objects are created when not given.
"""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Article, Topic
from delegations.models import Country, Organisation, Participation, Person, Stop, Visit

_seq = itertools.count(1)


def image_file(name="photo.jpg", size=(640, 480), image_format="JPEG", color="navy"):
    """A real, decodable image as an upload (Pillow draws it in memory)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    content_type = f"image/{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def country(code="KZ"):
    """Countries are loaded by a migration; fetch one by its ISO code."""
    return Country.objects.get(code=code.upper())


def topic(**kwargs):
    n = next(_seq)
    kwargs.setdefault("name_cs", f"Téma {n}")
    kwargs.setdefault("name_en", f"Topic {n}")
    kwargs.setdefault("name_de", f"Thema {n}")
    return Topic.objects.create(**kwargs)


def organisation(**kwargs):
    n = next(_seq)
    kwargs.setdefault("name_cs", f"Organizace {n}")
    kwargs.setdefault("name_en", f"Organisation {n}")
    kwargs.setdefault("name_de", f"Organisation {n} DE")
    kwargs.setdefault("kind", Organisation.Kind.COMPANY)
    kwargs.setdefault("country", country("CZ"))
    return Organisation.objects.create(**kwargs)


def person(**kwargs):
    n = next(_seq)
    kwargs.setdefault("name", f"Person Number{n}")
    kwargs.setdefault("country", country("KZ"))
    return Person.objects.create(**kwargs)


def visit(**kwargs):
    n = next(_seq)
    kwargs.setdefault("title_cs", f"Návštěva {n}")
    kwargs.setdefault("title_en", f"Visit {n}")
    kwargs.setdefault("title_de", f"Besuch {n}")
    kwargs.setdefault("start_date", datetime.date(2024, 4, 4))
    if "country" not in kwargs:
        kwargs["country"] = country("KZ")
    elif isinstance(kwargs["country"], str):
        kwargs["country"] = country(kwargs["country"])
    return Visit.objects.create(**kwargs)


def participation(visit=None, person=None, **kwargs):
    kwargs.setdefault("role_en", "Ambassador")
    return Participation.objects.create(
        visit=visit or globals()["visit"](),
        person=person or globals()["person"](),
        **kwargs,
    )


def stop(visit=None, organisation=None, **kwargs):
    return Stop.objects.create(
        visit=visit or globals()["visit"](),
        organisation=organisation or globals()["organisation"](),
        **kwargs,
    )


def article(**kwargs):
    """A published article (published an hour ago) unless told otherwise."""
    n = next(_seq)
    kwargs.setdefault("title_cs", f"Článek {n}")
    kwargs.setdefault("title_en", f"Article {n}")
    kwargs.setdefault("title_de", f"Artikel {n}")
    kwargs.setdefault("lead_cs", "Perex.")
    kwargs.setdefault("lead_en", "Lead.")
    kwargs.setdefault("lead_de", "Vorspann.")
    kwargs.setdefault("body_cs", "<p>Text.</p>")
    kwargs.setdefault("body_en", "<p>Text.</p>")
    kwargs.setdefault("body_de", "<p>Text.</p>")
    kwargs.setdefault("status", Article.Status.PUBLISHED)
    if kwargs["status"] == Article.Status.PUBLISHED:
        kwargs.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    relations = {
        name: kwargs.pop(name)
        for name in ("topics", "visits", "countries", "people", "organisations")
        if name in kwargs
    }
    obj = Article.objects.create(**kwargs)
    for name, values in relations.items():
        getattr(obj, name).set(values)
    return obj


def user(staff=False, superuser=False, **kwargs):
    n = next(_seq)
    kwargs.setdefault("username", f"user{n}")
    return get_user_model().objects.create_user(
        password="pw-for-tests-only",
        is_staff=staff or superuser,
        is_superuser=superuser,
        **kwargs,
    )


def full_visit(guests=1, hosts=1, stops=2, **kwargs):
    """A visit with guests, hosts and itinerary stops, as the public pages show it."""
    obj = visit(**kwargs)
    for n in range(guests):
        participation(visit=obj, side=Participation.Side.GUEST, order=n)
    for n in range(hosts):
        participation(
            visit=obj, side=Participation.Side.HOST, role_en="Governor", order=n
        )
    for n in range(stops):
        stop(visit=obj, order=n)
    return obj
