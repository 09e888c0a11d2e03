"""Loading the shipped council register into the ``Council`` snippet.

How the loader tells its own values from an editor's
----------------------------------------------------
The ``Council`` model does not record who set a value, so the loader follows one rule that needs
no extra bookkeeping: **it fills what is blank and never replaces a value that differs from the
register data unless asked (``overwrite=True``)**.

- A new council (a GSS code the database does not have) is created with every field.
- On an existing council, a blank field is filled from the data. A field that already equals the
  data is left as it is. A field that differs is an editor's decision (a corrected name, a
  different short name, a region they changed) and is kept and reported, unless ``overwrite``.
- Two exceptions let the data still move on: a name that the data lists among the council's
  ``former_names`` (a name an earlier version of the register gave it) is the loader's own old
  value and is updated; a council found under one of its ``former_codes`` (Barnsley and Sheffield
  were recoded in 2025) takes its current code.
- Website and logo are not in the data, so the loader never touches them, even with
  ``overwrite``. The slug is set once, when the council is created, so URLs stay stable.
- A council entered by hand without a GSS code whose name is exactly one register council's name
  is adopted (given its code and missing facts) instead of duplicated.
- Nothing is ever deleted unless ``prune=True``, and even then only councils with a principal
  council GSS code that the data no longer has, and only when nothing uses them (no case study,
  no reference in Wagtail's reference index, no protected foreign key).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import ProtectedError
from wagtail.models import ReferenceIndex

from ..models.snippets import COUNCIL_TYPE_OF_GSS_PREFIX, Council, CouncilType
from .data import CouncilRecord, read_register, records_by_code
from .matching import normalise

# Scalar fields the register data carries, in the order they are compared.
REGISTER_FIELDS = (
    "name",
    "short_name",
    "council_type",
    "region",
    "nation",
    "valid_from",
    "valid_to",
)
RELATION_FIELDS = ("parent", "successor")

# GSS code prefixes of the principal councils the register is complete for; only councils with
# such a code can be pruned. Combined authorities, fire authorities and parishes are editors' own.
REGISTER_PREFIXES = {"E06", "E07", "E08", "E09", "E10", "W06", "S12", "N09"}
assert set(COUNCIL_TYPE_OF_GSS_PREFIX) >= REGISTER_PREFIXES


@dataclass
class KeptValue:
    """A value an editor set that differs from the register data and was left alone."""

    field: str
    current: object
    register: object

    def __str__(self) -> str:
        return f"{self.field}: kept {self.current!s} (register data: {self.register!s})"


@dataclass
class LoadReport:
    """What one run of the loader did, council by council (each named "CODE Name")."""

    created: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    kept: dict[str, list[KeptValue]] = field(default_factory=dict)
    adopted: list[str] = field(default_factory=list)
    not_in_register: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    in_use: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def summary(self) -> str:
        lines = [
            f"Created {len(self.created)}, updated {len(self.updated)} and left "
            f"{len(self.unchanged)} unchanged of the register's councils."
        ]
        if self.adopted:
            lines.append(
                f"Adopted {len(self.adopted)} council(s) entered by hand, giving them their code."
            )
        if self.kept:
            count = sum(len(values) for values in self.kept.values())
            lines.append(
                f"Left {count} editor change(s) on {len(self.kept)} council(s) alone "
                "(use --overwrite to replace them with the register data)."
            )
        if self.not_in_register:
            lines.append(
                f"{len(self.not_in_register)} council(s) have a council GSS code the register "
                "does not list; they were left alone (use --prune to delete unused ones)."
            )
        if self.deleted:
            lines.append(f"Deleted {len(self.deleted)} unused council(s) not in the register.")
        if self.in_use:
            lines.append(
                f"Kept {len(self.in_use)} council(s) not in the register because case studies "
                "or other content use them."
            )
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return "\n".join(lines)

    def details(self) -> str:
        lines = []
        lines += [f"created  {label}" for label in self.created]
        for label, fields in self.updated.items():
            lines.append(f"updated  {label}: {', '.join(fields)}")
        lines += [f"adopted  {label}" for label in self.adopted]
        for label, values in self.kept.items():
            lines += [f"kept     {label}: {value}" for value in values]
        lines += [f"unlisted {label}" for label in self.not_in_register]
        lines += [f"deleted  {label}" for label in self.deleted]
        lines += [f"in use   {label}" for label in self.in_use]
        return "\n".join(lines)


def _label(council: Council) -> str:
    return f"{council.gss_code or '-'} {council.name}"


def _blank(value) -> bool:
    # "other" is the model's default type: a hand-made council that never had a type chosen.
    return value is None or value == "" or value == CouncilType.OTHER


def _register_values(record: CouncilRecord) -> dict[str, object]:
    return {
        "name": record.name,
        "short_name": record.short_name,
        "welsh_name": record.welsh_name,
        "council_type": record.council_type,
        "region": record.region,
        "nation": record.nation,
        "valid_from": record.valid_from,
        "valid_to": record.valid_to,
    }


def _merge(council, name, current, wanted, *, previous=(), overwrite, changed, kept) -> None:
    """Apply one register value to one field following the module's rule."""
    if current == wanted or _blank(wanted):
        return
    if _blank(current) or current in previous or overwrite:
        setattr(council, name, wanted)
        changed.append(name)
    else:
        kept.append(KeptValue(name, current, wanted))


def _adoption_keys(record: CouncilRecord) -> set[str]:
    return {normalise(spelling) for spelling in (record.name, record.ons_name, record.short_name)}


def _find_adoptable(records, uncoded: list[Council]) -> dict[str, Council]:
    """Hand-made councils without a code that name exactly one register council, and vice versa."""
    councils_by_key: dict[str, list[Council]] = {}
    for council in uncoded:
        for key in {normalise(council.name), normalise(council.short_name)} - {""}:
            councils_by_key.setdefault(key, []).append(council)
    records_by_key: dict[str, set[str]] = {}
    for record in records:
        for key in _adoption_keys(record):
            records_by_key.setdefault(key, set()).add(record.gss_code)
    adoptable: dict[str, Council] = {}
    claimed: dict[int, set[str]] = {}
    for record in records:
        matches = {
            council.pk
            for key in _adoption_keys(record)
            for council in councils_by_key.get(key, [])
            if records_by_key[key] == {record.gss_code}
        }
        if len(matches) == 1:
            pk = matches.pop()
            claimed.setdefault(pk, set()).add(record.gss_code)
            adoptable[record.gss_code] = next(c for c in uncoded if c.pk == pk)
    # A hand-made council that two register entries could claim is left alone.
    return {code: c for code, c in adoptable.items() if len(claimed[c.pk]) == 1}


def is_in_use(council: Council) -> bool:
    """Whether any case study or other content refers to this council."""
    return council.case_study_links.exists() or ReferenceIndex.get_references_to(council).exists()


def _in_dependency_order(records) -> list[CouncilRecord]:
    """Records sorted so each council's parent and successor come before it."""
    by_code = {record.gss_code: record for record in records}
    depth: dict[str, int] = {}

    def depth_of(code: str, seen: frozenset = frozenset()) -> int:
        if code not in depth:
            if code in seen:
                raise ValueError(f"the register data has a parent/successor loop at {code}")
            record = by_code[code]
            depth[code] = 1 + max(
                (depth_of(c, seen | {code}) for c in (record.parent, record.successor) if c),
                default=0,
            )
        return depth[code]

    return sorted(records, key=lambda record: (depth_of(record.gss_code), record.gss_code))


def load_councils(
    *,
    overwrite: bool = False,
    prune: bool = False,
    dry_run: bool = False,
    records: tuple[CouncilRecord, ...] | None = None,
) -> LoadReport:
    """Create and update the council register from the shipped data; see the module docstring.

    Runs in one transaction: a failure leaves the register as it was. ``dry_run`` reports what
    would happen and rolls back. Each council is saved at most once, so search and reference
    indexes are updated once per council.
    """
    records = read_register() if records is None else records
    report = LoadReport(dry_run=dry_run)
    with transaction.atomic():
        everyone = list(Council.objects.select_for_update().order_by("pk"))
        by_code = {c.gss_code: c for c in everyone if c.gss_code}
        adoptable = _find_adoptable(records, [c for c in everyone if not c.gss_code])
        councils: dict[str, Council] = {}

        for record in _in_dependency_order(records):
            relations = {
                name: councils[getattr(record, name)] if getattr(record, name) else None
                for name in RELATION_FIELDS
            }
            council = by_code.get(record.gss_code) or next(
                (by_code[code] for code in record.former_codes if code in by_code), None
            )
            if council is None and record.gss_code in adoptable:
                council = adoptable[record.gss_code]
                report.adopted.append(f"{record.gss_code} {council.name}")
            if council is None:
                council = Council(gss_code=record.gss_code, **_register_values(record), **relations)
                council.save()
                councils[record.gss_code] = council
                report.created.append(_label(council))
                continue

            changed: list[str] = []
            kept: list[KeptValue] = []
            if council.gss_code != record.gss_code:
                council.gss_code = record.gss_code
                changed.append("gss_code")
            for name, wanted in _register_values(record).items():
                _merge(
                    council,
                    name,
                    getattr(council, name),
                    wanted,
                    previous=record.former_names if name == "name" else (),
                    overwrite=overwrite,
                    changed=changed,
                    kept=kept,
                )
            for name, wanted in relations.items():
                current_id = getattr(council, f"{name}_id")
                if wanted is None or current_id == wanted.pk:
                    continue
                if current_id is None or overwrite:
                    setattr(council, name, wanted)
                    changed.append(name)
                else:
                    kept.append(KeptValue(name, _label(getattr(council, name)), _label(wanted)))
            if changed:
                council.save(update_fields=changed)
                report.updated[_label(council)] = changed
            else:
                report.unchanged.append(_label(council))
            if kept:
                report.kept[_label(council)] = kept
            councils[record.gss_code] = council

        known = {code for record in records for code in (record.gss_code, *record.former_codes)}
        for council in everyone:
            code = council.gss_code
            if not code or code in known or code[:3] not in REGISTER_PREFIXES:
                continue
            if not prune:
                report.not_in_register.append(_label(council))
            elif is_in_use(council):
                report.in_use.append(_label(council))
            else:
                try:
                    with transaction.atomic():
                        council.delete()
                except ProtectedError:
                    report.in_use.append(_label(council))
                else:
                    report.deleted.append(_label(council))

        if dry_run:
            transaction.set_rollback(True)
    return report


def successors_of(council: Council) -> list[Council]:
    """Every council that took over from ``council``, in the register's order.

    ``Council.successor`` holds one council; a council split between several (Cumbria went to
    Cumberland and to Westmorland and Furness) has them all here, from the register data.
    """
    record = records_by_code().get(council.gss_code or "")
    codes = list(record.successors) if record else []
    if council.successor_id and council.successor.gss_code not in codes:
        return [council.successor] + [
            c for c in _councils_by_code(codes) if c.pk != council.successor_id
        ]
    return _councils_by_code(codes)


def _councils_by_code(codes: list[str]) -> list[Council]:
    found = {c.gss_code: c for c in Council.objects.filter(gss_code__in=codes)}
    return [found[code] for code in codes if code in found]
