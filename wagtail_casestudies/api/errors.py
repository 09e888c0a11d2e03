"""What a bad request is answered with, for v2 and v3 alike: a 400 whose JSON names the fault."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from wagtail.api.v2.utils import BadRequestError

from .filters import ParameterError


@dataclass(frozen=True)
class APIError:
    status: int
    message: str
    parameter: str | None = None

    def data(self) -> dict[str, str]:
        data = {"message": self.message}
        if self.parameter:
            data["parameter"] = self.parameter
        return data


def error_for(exc: Exception) -> APIError | None:
    """The 400 an exception raised while reading a request stands for; None for any other."""
    if isinstance(exc, ParameterError):
        return APIError(400, str(exc), exc.parameter)
    if isinstance(exc, TooManyFieldsSent):
        # Django refuses to parse the query string; its own answer would be an HTML page.
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return APIError(400, f"too many query parameters (at most {limit})")
    if isinstance(exc, BadRequestError):
        return APIError(400, str(exc))
    return None
