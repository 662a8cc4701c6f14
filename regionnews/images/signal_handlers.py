"""The photo pipeline's hooks: every save of a registered image field runs them.

Connected once from ImagesConfig.ready() for every model; a model without a
registered image field (regionnews/images/registry.py) returns at once. So no
code path (admin, services, demo content, shell) can forget them:

- pre_save: a new upload is replaced by `validation.clean_image()` (upright,
  sRGB, no metadata); an invalid file raises ValidationError and nothing is
  stored.
- post_save: renditions (several widths, WebP and JPEG, and focal-point crops)
  are generated when missing. Renditions of a replaced image, and crops made
  for an old focal point, are deleted once the transaction commits.
- post_delete: the image's renditions are deleted once the transaction commits.

Originals of replaced or deleted images stay in storage: a revision in the
history may bring them back, and saving it regenerates their renditions.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save

from .registry import specs_for
from .renditions import crop_directory, delete_renditions, generate_renditions
from .validation import clean_image

logger = logging.getLogger(__name__)


def connect() -> None:
    """Connect the receivers for every model (called from ImagesConfig.ready())."""
    pre_save.connect(_before_save, dispatch_uid="regionnews.images.before_save")
    post_save.connect(_after_save, dispatch_uid="regionnews.images.after_save")
    post_delete.connect(_after_delete, dispatch_uid="regionnews.images.after_delete")


_STATE = "_regionnews_image_state"


def _stored_values(sender, instance, specs) -> dict:
    """The image names and focal points in the database before this save."""
    if instance._state.adding or instance.pk is None:
        return {}
    columns = [name for spec in specs for name in (spec.field, *(spec.focal or ()))]
    return sender._base_manager.filter(pk=instance.pk).values(*columns).first() or {}


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    specs = [
        spec
        for spec in specs_for(sender)
        if update_fields is None or spec.watched & set(update_fields)
    ]
    if not specs:
        return
    stored = _stored_values(sender, instance, specs)
    state = {}
    for spec in specs:
        fieldfile = getattr(instance, spec.field)
        image = None
        if fieldfile and not fieldfile._committed and not raw:
            cleaned, image = clean_image(fieldfile.file)
            setattr(instance, spec.field, cleaned)
        previous = None
        if stored:
            previous_focal = tuple(stored[name] for name in spec.focal or ())
            previous = (stored[spec.field], previous_focal or (0.5, 0.5))
        state[spec.field] = (previous, image)
    instance.__dict__[_STATE] = state


def _after_save(sender, instance, raw=False, **kwargs):
    state = instance.__dict__.pop(_STATE, {})
    for spec in specs_for(sender):
        if spec.field not in state:
            continue
        previous, image = state[spec.field]
        fieldfile = getattr(instance, spec.field)
        if previous:
            _forget_previous(instance, spec, fieldfile, *previous)
        if fieldfile:
            try:
                generate_renditions(fieldfile, image=image)
            except FileNotFoundError:
                # A restored revision or fixture naming a file that is gone.
                logger.warning("Cannot make renditions: %s is missing", fieldfile.name)


def _forget_previous(instance, spec, fieldfile, old_name, old_focal):
    """After commit, delete renditions the new state no longer uses."""
    if not old_name:
        return
    storage = fieldfile.storage
    if old_name != fieldfile.name:

        def delete_all():
            if getattr(instance, spec.field).name != old_name:
                delete_renditions(storage, old_name)

        transaction.on_commit(delete_all)
        return

    def rounded(focal):
        return tuple(round(float(value), 3) for value in focal)

    old_focal = rounded(old_focal)
    if old_focal == rounded(spec.focal_point(instance)):
        return
    for crop in spec.crops:
        old_directory = crop_directory(crop, *old_focal)

        def delete_crop(old_directory=old_directory):
            # Unless a later save in the same transaction went back to it.
            if rounded(spec.focal_point(instance)) != old_focal:
                delete_renditions(storage, old_name, subdirectory=old_directory)

        transaction.on_commit(delete_crop)


def _after_delete(sender, instance, **kwargs):
    for spec in specs_for(sender):
        fieldfile = getattr(instance, spec.field)
        if fieldfile:
            storage, name = fieldfile.storage, fieldfile.name
            transaction.on_commit(lambda s=storage, n=name: delete_renditions(s, n))
