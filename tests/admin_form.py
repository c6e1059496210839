"""Reading an admin page's form as a browser would send it, so tests post what the page offers."""

from html.parser import HTMLParser

SKIPPED_INPUTS = {"submit", "button", "file", "image", "reset"}


class FormFields(HTMLParser):
    """Every field of the page's main form with the value a browser would send unchanged."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.select: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type", "text") not in SKIPPED_INPUTS:
            ticked = attributes.get("type") not in {"checkbox", "radio"} or "checked" in attributes
            if ticked:
                self.fields.append((name, attributes.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attributes:
            self.fields.append((self.select, attributes.get("value", "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self.textarea:
            # A browser drops the one newline that follows <textarea>.
            self.fields.append((self.textarea, "".join(self.text).removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.text.append(data)


def form_of(html: str) -> dict[str, list[str]]:
    """The fields by name (a name may carry several values), empty inline templates left out."""
    parser = FormFields()
    parser.feed(html)
    fields: dict[str, list[str]] = {}
    for name, value in parser.fields:
        if "__prefix__" not in name and name not in {"action", "_selected_action"}:
            fields.setdefault(name, []).append(value)
    return fields


def opened(client, url: str) -> dict[str, list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    return form_of(response.content.decode())
