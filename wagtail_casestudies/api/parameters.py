"""The query parameters of the package's endpoints: each defined once, and parsed.

Each parameter is a ``Parameter`` here, with its name, its description and its JSON Schema. The
endpoints accept exactly the parameters of their lists (anything else is a 400 naming it), and
the OpenAPI documents of v2 and v3 (``openapi.py``) list the same definitions.

Every parameter is checked before anything is looked up, and bad input raises
``ParameterError`` (a 400 naming the parameter), never a 500. An empty value, as an HTML form
sends for a blank field, means the parameter is not set. Repeating a parameter is the same as
giving a comma-separated list.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wagtail.api.v2.utils import BadRequestError, FieldsParameterParseError, parse_fields_parameter

from ..conf import settings as casestudy_settings
from ..models import CouncilType, Region

# The largest offset accepted. Past the end of the results an offset just gives no items; past
# this it is a mistake (or a probe) and would overflow some databases' integers.
MAX_OFFSET = 1_000_000
MAX_SEARCH_LENGTH = 255
MAX_LIST_VALUES = 50
DEFAULT_LIMIT = 20

BOOLEAN_VALUES = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}

FACETS = ("topic", "council_type", "region", "support_type", "year", "covid")
ORDERS = ("date", "-date", "title", "-title", "relevance")

# Parameters every endpoint accepts: Wagtail's jQuery cache buster and DRF's format switch.
COMMON_PARAMETERS = ("format", "_")

JSON = dict[str, Any]
STRING: JSON = {"type": "string"}
INTEGER: JSON = {"type": "integer"}
ID: JSON = {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
BOOLEAN: JSON = {"type": "boolean"}
DATE: JSON = {"type": "string", "format": "date"}
SEARCH: JSON = {"type": "string", "maxLength": MAX_SEARCH_LENGTH}
LANGUAGE_CODE: JSON = {"type": "string", "pattern": r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$"}
YEAR: JSON = {"type": "integer", "minimum": 1000, "maximum": 9999}
LIST = "A comma-separated list (or the parameter repeated) means any of the values."

# What a valid value is, for the 400 of a value that does not fit its schema.
AN_ID = "a positive whole number (an id)"
A_YEAR = "a four-digit year"
A_LANGUAGE_CODE = "a language code such as en or cy"


def choice(values: Iterable[str]) -> JSON:
    return {"type": "string", "enum": list(values)}


@dataclass(frozen=True)
class Parameter:
    """A query parameter: what the endpoints accept and the OpenAPI documents describe.

    ``schema`` is the JSON Schema of one value (a callable when it depends on a setting, like
    ``limit``'s maximum). ``many``: a comma-separated list, or the parameter repeated, means any
    of the values (``get_values``); the documents describe it as an array in the ``form`` style
    without ``explode`` (``topic=a,b``), which every OpenAPI client can send.
    """

    name: str
    description: str
    schema: JSON | Callable[[], JSON] = field(default_factory=lambda: STRING)
    many: bool = False
    # The rendered library's filter form sends it (``listing_page.FORM_PARAMETERS``).
    form: bool = False
    # A case-study filter: ``parse_case_study_query`` puts its value in ``filters`` under its
    # name, and ``filters.RESOLVERS`` has the one function that turns it into conditions.
    filter: bool = False
    # How a valid value is described in the 400 for one that does not fit the schema
    # (``must be <what>, not 'x'``); without it, a number says its range.
    what: str | None = None
    # An enum value matches whatever its case (``search_operator=OR``).
    ignore_case: bool = False

    def value_schema(self) -> JSON:
        return dict(self.schema() if callable(self.schema) else self.schema)

    def json_schema(self) -> JSON:
        if self.many:
            return {"type": "array", "items": self.value_schema(), "maxItems": MAX_LIST_VALUES}
        return self.value_schema()

    def openapi(self) -> JSON:
        parameter = {
            "name": self.name,
            "in": "query",
            "required": False,
            "description": f"{self.description} {LIST}" if self.many else self.description,
            "schema": self.json_schema(),
        }
        if self.many:
            parameter.update(style="form", explode=False)
        return parameter

    def parse(self, query) -> Any:
        """This parameter's value in ``query``, checked against its schema: a list for one that
        takes many (empty when absent), else the value or the schema's default (None when it
        has none). Bad input is a ``ParameterError`` naming the parameter."""
        schema = self.value_schema()
        if self.many:
            values = [self._parse_value(schema, value) for value in get_values(query, self.name)]
            if "enum" in schema:
                parse_choices(self.name, values, schema["enum"])
            return values
        value = get_single(query, self.name)
        if value is None:
            return schema.get("default")
        value = self._parse_value(schema, value)
        if "enum" in schema:
            parse_choices(self.name, [value], schema["enum"])
        return value

    def _parse_value(self, schema: JSON, value: str) -> Any:
        name, kind = self.name, schema.get("type")
        if kind == "boolean":
            return parse_boolean(name, value)
        if kind == "integer":
            return self._parse_integer(schema, value)
        if schema.get("format") == "date":
            return parse_date(name, value)
        if "pattern" in schema and not re.fullmatch(schema["pattern"], value):
            raise ParameterError(name, f"must be {self.what}, not {value!r}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            raise ParameterError(name, f"must be at most {schema['maxLength']} characters")
        if self.ignore_case:
            return value.lower()
        return value

    def _parse_integer(self, schema: JSON, value: str) -> int:
        minimum, maximum = schema.get("minimum", 0), schema["maximum"]
        if self.what is None:
            return parse_non_negative_int(self.name, value, None, maximum)
        digits = len(str(maximum))
        if not re.fullmatch(f"[0-9]{{1,{digits}}}", value) or not minimum <= int(value) <= maximum:
            raise ParameterError(self.name, f"must be {self.what}, not {value!r}")
        return int(value)


def names(parameters: Iterable[Parameter]) -> frozenset[str]:
    """The names an endpoint with these parameters accepts (and the common ones)."""
    return frozenset((*(parameter.name for parameter in parameters), *COMMON_PARAMETERS))


def _limit_schema() -> JSON:
    return {
        "type": "integer",
        "minimum": 0,
        "maximum": casestudy_settings.API_MAX_LIMIT,
        "default": min(DEFAULT_LIMIT, casestudy_settings.API_MAX_LIMIT),
    }


PAGINATION = (
    Parameter("limit", "How many items (default 20, at most API_MAX_LIMIT).", _limit_schema),
    Parameter(
        "offset",
        "How many items to skip.",
        {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
    ),
)
FIELDS = Parameter("fields", "API v2 fields syntax: add (name), remove (-name), * or _.")
LOCALE = Parameter(
    "locale",
    "A language code (e.g. cy): only what is in that locale, in its language. Without it a "
    "listing lists the site's default locale (its root page's), or, with translation_of, "
    "every locale.",
    LANGUAGE_CODE,
    what=A_LANGUAGE_CODE,
)
TRANSLATION_OF = Parameter(
    "translation_of",
    "A case study's id: only its translations (with locale, the one in that locale).",
    ID,
    filter=True,
    what=AN_ID,
)
COUNCIL_TYPE = choice(CouncilType.values)
REGION = choice(Region.values)
CASE_STUDY_LISTING = (
    LOCALE,
    TRANSLATION_OF,
    Parameter("topic", "Topic slugs.", many=True, form=True, filter=True),
    Parameter("council", "Council slugs or GSS codes.", many=True, form=True, filter=True),
    Parameter(
        "include_districts",
        "With council: also the councils inside them (districts in a county).",
        BOOLEAN,
        form=True,
    ),
    Parameter(
        "council_type",
        "Council types of any linked council.",
        COUNCIL_TYPE,
        many=True,
        form=True,
        filter=True,
    ),
    Parameter(
        "region",
        "Regions (or nations) of any linked council.",
        REGION,
        many=True,
        form=True,
        filter=True,
    ),
    Parameter("support_type", "Support programme slugs.", many=True, form=True, filter=True),
    Parameter("tag", "Keyword slugs or names.", many=True, form=True, filter=True),
    Parameter(
        "covid",
        "COVID-19 case studies (true) or the others (false).",
        BOOLEAN,
        form=True,
        filter=True,
    ),
    Parameter("date_from", "Published on or after (YYYY-MM-DD).", DATE, form=True, filter=True),
    Parameter("date_to", "Published on or before (YYYY-MM-DD).", DATE, form=True, filter=True),
    Parameter("year", "Publication years.", YEAR, many=True, form=True, filter=True, what=A_YEAR),
    Parameter("search", "Full-text search; combines with every filter.", SEARCH, form=True),
    Parameter(
        "search_operator",
        "and (default) or or.",
        choice(("and", "or")),
        form=True,
        ignore_case=True,
    ),
    Parameter(
        "order",
        "Sort order; relevance is the default with a search, newest first otherwise.",
        choice(ORDERS),
        form=True,
    ),
    Parameter("facets", "Facets to count in meta.facets.", choice(FACETS), many=True),
    FIELDS,
    *PAGINATION,
)
# What the rendered library's form sends, in the declarations' order.
FORM_PARAMETERS = tuple(parameter.name for parameter in CASE_STUDY_LISTING if parameter.form)
# The case-study filters, in the order their conditions apply (``filters.RESOLVERS``).
CASE_STUDY_FILTERS = tuple(parameter for parameter in CASE_STUDY_LISTING if parameter.filter)
CASE_STUDY_DETAIL = (Parameter("fields", "API v2 fields syntax."),)
CASE_STUDY_FIND = (
    Parameter("html_path", "The case study's path on the site, e.g. /library/x/."),
    Parameter("slug", "The case study's slug (with locale, the one in that locale)."),
    LOCALE,
    Parameter("id", "The case study's id.", ID, what=AN_ID),
    *CASE_STUDY_DETAIL,
)
COUNCIL_LOCALE = Parameter(
    "locale",
    "A language code: names in that language (e.g. Welsh names for cy), and the case studies "
    "of that locale counted (default: the site's default locale).",
    LANGUAGE_CODE,
    what=A_LANGUAGE_CODE,
)
COUNCIL_LISTING = (
    Parameter("council_type", "Council types.", COUNCIL_TYPE, many=True),
    Parameter("type", "The same as council_type.", COUNCIL_TYPE, many=True),
    Parameter("region", "Regions or nations.", REGION, many=True),
    Parameter("active", "Councils that exist today (true) or were abolished.", BOOLEAN),
    Parameter("parent", "Parent council slugs or GSS codes.", many=True),
    Parameter("has_case_studies", "Only councils with published case studies.", BOOLEAN),
    Parameter("search", "Case-insensitive match on name, short name or GSS code.", SEARCH),
    COUNCIL_LOCALE,
    *PAGINATION,
)
SNIPPET_LISTING = (
    Parameter("has_case_studies", "Only those with published case studies.", BOOLEAN),
    Parameter("search", "Case-insensitive match on the name.", SEARCH),
    Parameter(
        "locale",
        "A language code: only those in that locale (default: the site's default).",
        LANGUAGE_CODE,
        what=A_LANGUAGE_CODE,
    ),
    Parameter("translation_of", "An id: only its translations.", ID, what=AN_ID),
    *PAGINATION,
)
SNIPPET_DETAIL: tuple[Parameter, ...] = ()
SNIPPET_FIND = (Parameter("slug", "The slug."), LOCALE)
COUNCIL_DETAIL = (COUNCIL_LOCALE,)
COUNCIL_FIND = (
    Parameter("slug", "The slug."),
    Parameter("gss_code", "The council's GSS code."),
    *COUNCIL_DETAIL,
)


class ParameterError(BadRequestError):
    """Bad input in one query parameter: answered with a 400 that names it."""

    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


# --- Parsing ---


def check_parameter_names(query: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(query.keys()) - set(allowed))
    if unknown:
        raise ParameterError(
            unknown[0],
            "not a recognised parameter (unknown: {}; allowed: {})".format(
                ", ".join(unknown), ", ".join(sorted(set(allowed) - set(COMMON_PARAMETERS)))
            ),
        )


def get_values(query, name: str) -> list[str]:
    """All values of a parameter: repeated and comma-separated values together, blanks dropped."""
    raw = query.getlist(name) if hasattr(query, "getlist") else [query.get(name, "")]
    values = []
    for item in raw:
        if "\x00" in item:
            raise ParameterError(name, "null characters are not allowed")
        values.extend(part.strip() for part in item.split(","))
    values = list(dict.fromkeys(value for value in values if value))
    if len(values) > MAX_LIST_VALUES:
        raise ParameterError(name, f"give at most {MAX_LIST_VALUES} values")
    return values


def get_single(query, name: str) -> str | None:
    """A parameter that takes one value; None when absent or blank."""
    raw = query.getlist(name) if hasattr(query, "getlist") else [query.get(name, "")]
    raw = [item.strip() for item in raw if item.strip()]
    if not raw:
        return None
    if len(raw) > 1:
        raise ParameterError(name, "give one value, not several")
    if "\x00" in raw[0]:
        raise ParameterError(name, "null characters are not allowed")
    return raw[0]


_DIGITS = re.compile(r"[0-9]{1,12}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_non_negative_int(name: str, value: str | None, default: int, maximum: int) -> int:
    if value is None:
        return default
    if not _DIGITS.fullmatch(value):
        raise ParameterError(name, f"must be a whole number from 0 to {maximum}, not {value!r}")
    number = int(value)
    if number > maximum:
        raise ParameterError(name, f"must be at most {maximum}, not {number}")
    return number


def parse_boolean(name: str, value: str | None) -> bool | None:
    if value is None:
        return None
    try:
        return BOOLEAN_VALUES[value.lower()]
    except KeyError:
        raise ParameterError(name, f"must be true or false, not {value!r}") from None


def parse_date(name: str, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise ParameterError(name, f"must be a date as YYYY-MM-DD, not {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ParameterError(name, f"{value!r} is not a real date") from None


def parse_choices(name: str, values: list[str], choices: Iterable[str]) -> list[str]:
    choices = list(choices)
    unknown = [value for value in values if value not in choices]
    if unknown:
        raise ParameterError(
            name,
            "unknown value{} {} (known: {})".format(
                "s" if len(unknown) > 1 else "", ", ".join(unknown), ", ".join(choices)
            ),
        )
    return values


def parse_locale(query) -> str | None:
    """The ``locale`` parameter's language code, checked for its form (whether the site has
    that locale is looked up later)."""
    return LOCALE.parse(query)


def parse_id(name: str, value: str | None) -> int | None:
    """An object id: a positive whole number that fits the database's integers."""
    if value is None:
        return None
    return Parameter(name, "", ID, what=AN_ID)._parse_integer(ID, value)


def parse_limit_offset(query) -> tuple[int, int]:
    limit, offset = PAGINATION
    return limit.parse(query), offset.parse(query)


def parse_fields(query, allowed: Iterable[str]) -> list[tuple[str, bool, Any]]:
    """The API v2 ``fields`` syntax (``*``, ``_``, ``name``, ``-name``), checked against ``allowed``
    names. Nested sub-fields are not supported on these endpoints."""
    value = get_single(query, "fields")
    if value is None:
        return []
    try:
        config = parse_fields_parameter(value)
    except FieldsParameterParseError as e:
        raise ParameterError("fields", str(e)) from None
    allowed = set(allowed)
    for index, (name, _negated, sub_fields) in enumerate(config):
        if name in ("*", "_") and index == 0:
            continue
        if name not in allowed:
            raise ParameterError(
                "fields", f"unknown field {name!r} (known: {', '.join(sorted(allowed))})"
            )
        if sub_fields:
            raise ParameterError("fields", f"{name!r} does not support nested fields")
    return config


def select_fields(config, default: Iterable[str], all_fields: Iterable[str]) -> list[str]:
    """Apply a parsed ``fields`` config to the default field names; keeps ``all_fields`` order."""
    all_fields = list(all_fields)
    chosen = set(default)
    if config and config[0][0] == "*":
        chosen, config = set(all_fields), config[1:]
    elif config and config[0][0] == "_":
        chosen, config = set(), config[1:]
    for name, negated, _sub in config:
        if negated:
            chosen.discard(name)
        else:
            chosen.add(name)
    return [name for name in all_fields if name in chosen]


# --- The case-study listing ---


@dataclass
class CaseStudyQuery:
    """The parsed, syntax-checked parameters of a case-study listing."""

    filters: dict[str, Any] = field(default_factory=dict)
    locale: str | None = None
    include_districts: bool = False
    search: str | None = None
    search_operator: str | None = None
    order: str = "-date"
    facets: list[str] = field(default_factory=list)
    fields: list = field(default_factory=list)
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    @property
    def orders_by_relevance(self) -> bool:
        return self.order == "relevance"


def parse_case_study_query(query, field_names: Iterable[str]) -> CaseStudyQuery:
    """Check every parameter's syntax, without touching the database.

    Each declared parameter parses itself (``Parameter.parse``); what is left here are the rules
    between parameters: a date range the right way round, and the order's default.
    """
    check_parameter_names(query, names(CASE_STUDY_LISTING))
    values = {
        parameter.name: parameter.parse(query)
        for parameter in CASE_STUDY_LISTING
        if parameter is not FIELDS
    }
    date_from, date_to = values["date_from"], values["date_to"]
    if date_from and date_to and date_from > date_to:
        raise ParameterError(
            "date_from", f"{date_from.isoformat()} is after date_to ({date_to.isoformat()})"
        )
    if values["year"]:
        values["year"] = sorted(set(values["year"]))
    parsed = CaseStudyQuery(
        filters={
            parameter.name: values[parameter.name]
            for parameter in CASE_STUDY_FILTERS
            if values[parameter.name] not in (None, [])
        },
        locale=values["locale"],
        include_districts=bool(values["include_districts"]),
        search=values["search"],
        search_operator=values["search_operator"],
        facets=values["facets"],
        fields=parse_fields(query, field_names),
        limit=values["limit"],
        offset=values["offset"],
    )
    order = values["order"]
    if order is None:
        parsed.order = "relevance" if parsed.search else "-date"
    else:
        if order == "relevance" and not parsed.search:
            raise ParameterError("order", "'relevance' needs a search")
        parsed.order = order
    return parsed
