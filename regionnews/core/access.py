"""Who may see what is not public: the access predicates every app uses."""

# The permission of protocol officers (and superusers) to read internal notes.
INTERNAL_NOTES_PERMISSION = "delegations.view_internal_notes"


def is_staff(user) -> bool:
    """Whether *user* (possibly None or anonymous) may see internal records."""
    return user is not None and user.is_active and user.is_staff


# The permission to download the visit list (internal visits included).
EXPORT_PERMISSION = "delegations.export_visits"


def may_export_visits(user) -> bool:
    """The CSV/JSON export holds internal visits: protocol officers only."""
    return is_staff(user) and user.has_perm(EXPORT_PERMISSION)


def may_see_internal_notes(user) -> bool:
    """Internal notes are for protocol officers (and superusers), not every staff."""
    return is_staff(user) and user.has_perm(INTERNAL_NOTES_PERMISSION)
