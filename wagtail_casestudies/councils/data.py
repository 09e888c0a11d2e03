"""The council register data shipped with the package (``data/councils.csv``).

The file is derived from the ONS April 2021 lower-tier to upper-tier local authority lookup
(Open Government Licence v3.0) by ``scripts/build_council_data.py``; see ``docs/councils.md``.
Nothing here touches the database: this module only reads and checks the file.
"""

from __future__ import annotations

import csv
import datetime
import functools
from dataclasses import dataclass
from pathlib import Path

from ..clock import active_on, today
from ..models.snippets import NATION_OF_REGION, CouncilType, Nation, Region

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "councils.csv"

COLUMNS = (
    "gss_code",
    "name",
    "short_name",
    "council_type",
    "region",
    "parent",
    "valid_from",
    "valid_to",
    "successor",
    "successors",
    "ons_name",
    "welsh_name",
    "aliases",
    "former_names",
    "former_codes",
    "source",
)

LICENCE_CREDIT = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Source: Office for National Statistics, Lower Tier Local Authority to Upper Tier Local "
    "Authority (April 2021) Lookup in England and Wales."
)


class RegisterDataError(ValueError):
    """The shipped data file is missing or does not read as a council register."""


@dataclass(frozen=True)
class CouncilRecord:
    """One council as the shipped register describes it. Codes refer to other records."""

    gss_code: str
    name: str
    short_name: str
    council_type: str
    region: str
    parent: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    successor: str
    successors: tuple[str, ...]
    ons_name: str
    welsh_name: str
    aliases: tuple[str, ...]
    former_names: tuple[str, ...]
    former_codes: tuple[str, ...]
    source: str

    @property
    def nation(self) -> str:
        return NATION_OF_REGION.get(self.region, Nation.ENGLAND)

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way of writing this council the file knows, for name matching."""
        names = (self.name, self.short_name, self.ons_name, self.welsh_name)
        return tuple(dict.fromkeys(n for n in names + self.aliases + self.former_names if n))

    def is_active(self, on: datetime.date | None = None) -> bool:
        return active_on(self.valid_from, self.valid_to, on or today())


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


def _date(value: str, code: str, column: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise RegisterDataError(f"{code}: {column} {value!r} is not a YYYY-MM-DD date") from error


def parse_register(lines) -> tuple[CouncilRecord, ...]:
    """Read register rows from an iterable of CSV lines; lines starting with '#' are comments."""
    reader = csv.DictReader(line for line in lines if not line.startswith("#"))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise RegisterDataError(
            f"expected the columns {', '.join(COLUMNS)}; found {', '.join(reader.fieldnames or [])}"
        )
    records = []
    for row in reader:
        code = row["gss_code"].strip().upper()
        if row["council_type"] not in CouncilType.values:
            raise RegisterDataError(f"{code}: unknown council type {row['council_type']!r}")
        if row["region"] not in Region.values:
            raise RegisterDataError(f"{code}: unknown region {row['region']!r}")
        records.append(
            CouncilRecord(
                gss_code=code,
                name=row["name"].strip(),
                short_name=row["short_name"].strip(),
                council_type=row["council_type"],
                region=row["region"],
                parent=row["parent"].strip(),
                valid_from=_date(row["valid_from"], code, "valid_from"),
                valid_to=_date(row["valid_to"], code, "valid_to"),
                successor=row["successor"].strip(),
                successors=_split(row["successors"]),
                ons_name=row["ons_name"].strip(),
                welsh_name=row["welsh_name"].strip(),
                aliases=_split(row["aliases"]),
                former_names=_split(row["former_names"]),
                former_codes=_split(row["former_codes"]),
                source=row["source"].strip(),
            )
        )
    codes = {record.gss_code for record in records}
    if len(codes) != len(records):
        raise RegisterDataError("a GSS code appears twice")
    for record in records:
        for code in (record.parent, record.successor, *record.successors):
            if code and code not in codes:
                raise RegisterDataError(f"{record.gss_code} refers to {code}, which is missing")
    return tuple(records)


@functools.cache
def read_register(path: str | Path = DATA_FILE) -> tuple[CouncilRecord, ...]:
    """The shipped register, read once per process."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return parse_register(handle)
    except OSError as error:
        raise RegisterDataError(f"cannot read {path}: {error}") from error


@functools.cache
def records_by_code() -> dict[str, CouncilRecord]:
    """The shipped register keyed by current and former GSS codes."""
    by_code = {}
    for record in read_register():
        for code in (record.gss_code, *record.former_codes):
            by_code[code] = record
    return by_code
