"""Read a rendered form back into POST data, as a browser would submit it.

Admin change-form tests post what the page shows plus the changes under test,
so they keep working when a form gains a field (a hidden version, a new inline).
"""

from html.parser import HTMLParser

SKIPPED_INPUT_TYPES = {"submit", "button", "image", "reset", "file"}


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.data: dict[str, list[str]] = {}
        self._textarea = None
        self._select = None
        self._option = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = self.form_id is None or attrs.get("id") == self.form_id
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(name, attrs.get("value") or "on")
                return
            self._add(name, attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {
                "name": name,
                "multiple": "multiple" in attrs,
                "selected": [],
                "first": None,
            }
        elif tag == "option" and self._select is not None:
            self._option = {"value": attrs.get("value"), "text": ""}
            if "selected" in attrs:
                self._select["selected"].append(self._option)
            if self._select["first"] is None:
                self._select["first"] = self._option

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            # The HTML parser keeps the newline that follows <textarea>.
            self._add(name, value.removeprefix("\n"))
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["selected"]
            single = not self._select["multiple"]
            if not chosen and single and self._select["first"] is not None:
                chosen = [self._select["first"]]
            for option in chosen:
                value = option["value"]
                text = option["text"] if value is None else value
                self._add(self._select["name"], text)
            self._select = None


def form_data(response, form_id=None, **changes) -> dict:
    """The POST data of the form in *response* (the first, or the one with
    *form_id*), with *changes* applied; lists stand for several values."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    data = {
        name: values if len(values) > 1 else values[0]
        for name, values in parser.data.items()
        if "__prefix__" not in name
    }
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data
