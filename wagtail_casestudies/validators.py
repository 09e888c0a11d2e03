"""Validators shared by the models (so the admin's forms apply them) and the submission intake.

They sit below both: models, blocks, forms and the API may import this module; it imports none of
them.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Unicode categories of characters that have no place in one line of text: control characters
# (line feed, carriage return, tab, NUL, …) and the line and paragraph separators.
CONTROL_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(char) in CONTROL_CATEGORIES for char in value)


def validate_single_line(value: str) -> None:
    """Refuse line breaks and other control characters in a one-line value (a title, a name).

    A line break in a submitter's name or title would forge lines in the editors' email (a
    ``Bcc:`` header line in the body) and in any plain-text export.
    """
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(
            _("Keep this to one line: line breaks and control characters are not allowed."),
            code="control_characters",
        )


@deconstructible
class WebURLValidator(URLValidator):
    """An http or https URL that is only a URL.

    Django's URLValidator lets any non-space character through the path, so
    ``https://example.org/"><script>…`` passes it; a URL that a front end puts into ``href`` (or
    ``innerHTML``) must not carry quotes or markup. Such characters belong percent-encoded.
    """

    unsafe_characters = frozenset("\"'<>`\\{}|^")
    message = _("Enter a web address starting with http:// or https://, without quotes or markup.")

    def __init__(self, **kwargs):
        kwargs.setdefault("schemes", ["http", "https"])
        super().__init__(**kwargs)

    def __call__(self, value):
        if not isinstance(value, str) or any(
            char in self.unsafe_characters or unicodedata.category(char) in CONTROL_CATEGORIES
            for char in value
        ):
            raise ValidationError(self.message, code=self.code, params={"value": value})
        super().__call__(value)


validate_web_url = WebURLValidator()
