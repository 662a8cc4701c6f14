"""Which image fields hold photos: each app registers its own.

An app calls `register()` from its AppConfig.ready(); from then on every save
of that model runs the photo pipeline (regionnews/images/signal_handlers.py):
the upload is validated and cleaned, renditions are made and old ones deleted.
"""

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class ImageSpec:
    """One image field and the fields that describe it on the same model."""

    field: str
    alt: str
    decorative: str | None = None
    focal: tuple[str, str] | None = None
    crops: tuple[str, ...] = ()

    @property
    def watched(self) -> set[str]:
        """Fields whose change means new renditions (for update_fields saves)."""
        return {self.field, *(self.focal or ())}

    def focal_point(self, instance) -> tuple[float, float]:
        if not self.focal:
            return (0.5, 0.5)
        return tuple(float(getattr(instance, name)) for name in self.focal)


_specs: dict[type[models.Model], list[ImageSpec]] = {}


def register(
    model: type[models.Model],
    field: str,
    *,
    alt: str,
    decorative: str | None = None,
    focal: tuple[str, str] | None = None,
    crops: tuple[str, ...] = (),
) -> None:
    """Process every photo saved in *model.field*; call from AppConfig.ready()."""
    spec = ImageSpec(field, alt, decorative, focal, tuple(crops))
    specs = _specs.setdefault(model, [])
    if spec in specs:
        return
    specs.append(spec)


def specs_for(model: type[models.Model]) -> list[ImageSpec]:
    """The registered image fields of *model* (none: an empty list)."""
    return _specs.get(model, [])


def registered() -> list[tuple[type[models.Model], ImageSpec]]:
    """Every registered (model, image field)."""
    return [(model, spec) for model, specs in _specs.items() for spec in specs]


def spec_for(fieldfile) -> ImageSpec | None:
    """The registration of the field this file belongs to, if any."""
    instance = getattr(fieldfile, "instance", None)
    if instance is None:
        return None
    for spec in specs_for(instance._meta.concrete_model):
        if spec.field == fieldfile.field.name:
            return spec
    return None
