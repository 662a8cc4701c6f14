from modeltranslation.translator import TranslationOptions, register

from .models import Country, Organisation, Participation, Person, Stop, Visit


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "city", "description")


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("honorific", "titles_before", "titles_after", "title", "photo_alt")


@register(Visit)
class VisitTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "purpose", "outcome")


@register(Participation)
class ParticipationTranslationOptions(TranslationOptions):
    fields = ("role",)


@register(Stop)
class StopTranslationOptions(TranslationOptions):
    fields = ("note",)
