"""The standalone error pages (400, 500, 503): one template, three messages.

`templates/error.html` renders without a request or context processors (the
error may have come from them) and shows the message in every language, so
each page's heading and message are message ids here, translated by the
template inside each language. `gettext_noop` keeps them in the catalogs.
"""

from django.template import loader
from django.utils.translation import gettext_noop

PAGES = {
    400: (
        gettext_noop("Bad request"),
        gettext_noop(
            "The address contains something this site cannot read. Check it, "
            "or start again from the home page."
        ),
    ),
    500: (
        gettext_noop("Server error"),
        gettext_noop(
            "Something went wrong on our side. Please try again in a few minutes."
        ),
    ),
    503: (
        gettext_noop("Temporarily unavailable"),
        gettext_noop(
            "The site is temporarily unavailable. Please try again in a minute."
        ),
    ),
}


def error_page(status: int) -> str:
    """The HTML of the error page for *status*, in the active language first."""
    heading, message = PAGES[status]
    return loader.get_template("error.html").render(
        {"heading": heading, "message": message}
    )
