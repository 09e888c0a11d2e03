"""Resolving a council as people write it to the register.

"Cornwall Council", "London Borough of Hounslow", "Wigan council", "Royal Borough of Kingston upon
Thames", "Cyngor Sir Ynys Môn", "E06000052": each names one council. The matcher normalises the
text (case, accents, punctuation, "&"), then strips designations one at a time from either end
("Council", "Borough of", "Metropolitan Borough Council", "City of", "Cyngor Sir", ...) and looks
each shorter form up in an index of every spelling of every council (name, short name, and from
the shipped data: ONS name, Welsh name, aliases, former names and codes). The longest form that
names anything wins.

It refuses rather than guesses:

- A form that names several councils is ambiguous ("Richmond": Richmond upon Thames or
  Richmondshire; "Newcastle"). A stripped designation can settle it: "London Borough of Richmond"
  only fits a London borough.
- A designation that fits none of the candidates refuses the match: "Durham City Council" is not
  Durham County Council, "Lichfield City Council" (a parish-level city council) is not Lichfield
  District Council.
- Several candidates that are one place over time (an abolished council and the council that took
  over from it) resolve to the one active on the given day, today by default: "Somerset" today
  is Somerset Council, in 2020 Somerset County Council. "Somerset County Council" is always the
  abolished county, because the full name says so. Candidates that are different places stay
  ambiguous even if only one still exists: "Richmond" is not settled by Richmondshire's
  abolition.

Text naming several councils ("Babergh and Mid Suffolk", "Adur & Worthing Councils", a shared
service) is not one council: :func:`match_council` returns ``None`` for it and
:func:`match_councils` returns each council it names.

Every call to the module functions costs one query (the register, about 430 rows). Code resolving
many names at once (an importer) should build a :class:`CouncilIndex` once and reuse it.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .. import clock
from ..models.snippets import GSS_CODE_PATTERN, Council, CouncilType
from .data import records_by_code

# A designation constrains what kind of council the text can mean. None: no constraint.
CITY = "city"  # the council's own names must say "city"
_T = CouncilType
_ANY = None
_LONDON = frozenset({_T.LONDON_BOROUGH})
_ROYAL = frozenset({_T.LONDON_BOROUGH, _T.UNITARY})
_METROPOLITAN = frozenset({_T.METROPOLITAN_BOROUGH})
_WELSH_COUNTY_BOROUGH = frozenset({_T.WELSH_UNITARY})
_COUNTY = frozenset({_T.COUNTY, _T.UNITARY, _T.WELSH_UNITARY})
_DISTRICT = frozenset({_T.DISTRICT, _T.METROPOLITAN_BOROUGH, _T.NORTHERN_IRISH_DISTRICT})
_BOROUGH = frozenset(
    {
        _T.DISTRICT,
        _T.UNITARY,
        _T.METROPOLITAN_BOROUGH,
        _T.LONDON_BOROUGH,
        _T.NORTHERN_IRISH_DISTRICT,
        _T.WELSH_UNITARY,
    }
)
_UNITARY = frozenset({_T.UNITARY, _T.WELSH_UNITARY, _T.SCOTTISH_COUNCIL})

PREFIXES = {
    "the": _ANY,
    "council of the": _ANY,
    "council of": _ANY,
    "corporation of": _ANY,
    "london borough of": _LONDON,
    "lb of": _LONDON,
    "lb": _LONDON,
    "royal borough of": _ROYAL,
    "metropolitan borough of": _METROPOLITAN,
    "borough council of": _BOROUGH,
    "borough of": _BOROUGH,
    "city and county of": CITY,
    "city of": CITY,
    "county of": _COUNTY,
    # Welsh: council, county, county borough, city (and county)
    "cyngor bwrdeistref sirol": _WELSH_COUNTY_BOROUGH,
    "cyngor dinas a sir": CITY,
    "cyngor dinas": CITY,
    "cyngor sir": _COUNTY,
    "cyngor": _ANY,
    "dinas a sir": CITY,
    "sir": _COUNTY,
}
SUFFIXES = {
    "metropolitan borough council": _METROPOLITAN,
    "metropolitan district council": _METROPOLITAN,
    "metropolitan borough": _METROPOLITAN,
    "metropolitan council": _METROPOLITAN,
    "mbc": _METROPOLITAN,
    "mdc": _METROPOLITAN,
    "county borough council": _WELSH_COUNTY_BOROUGH,
    "cbc": _WELSH_COUNTY_BOROUGH,
    "london borough council": _LONDON,
    "london borough": _LONDON,
    "city and district council": CITY,
    "city council": CITY,
    "city corporation": CITY,
    "city": CITY,
    "county council": _COUNTY,
    "county councils": _COUNTY,
    "county": _COUNTY,
    "district council": _DISTRICT,
    "district councils": _DISTRICT,
    "dc": _DISTRICT,
    "borough council": _BOROUGH,
    "borough councils": _BOROUGH,
    "bc": _BOROUGH,
    "borough": _BOROUGH,
    "unitary authority": _UNITARY,
    "unitary council": _UNITARY,
    "council": _ANY,
    "councils": _ANY,
    "corporation": _ANY,
    "cc": _ANY,  # "Kent CC" (county) and "Leeds CC" (city) both occur
}
# Longest first, so "borough council" is tried before "council".
_PREFIXES = sorted(PREFIXES.items(), key=lambda item: -len(item[0]))
_SUFFIXES = sorted(SUFFIXES.items(), key=lambda item: -len(item[0]))

# Forms too general to name a council on their own ("City of London" without "City of").
GENERIC = {
    "",
    "london",
    "greater london",
    "city",
    "county",
    "borough",
    "district",
    "council",
    "north",
    "south",
    "east",
    "west",
    "mid",
    "central",
    "royal",
}

_INVERTED = re.compile(r"^(?P<name>.+?),\s*(?P<kind>city|county) of$")
_SEPARATORS = re.compile(r"\s*(?:,|;|/|\+|&|\band\b)\s*", re.IGNORECASE)


def normalise(text: str | None) -> str:
    """Lower case, no accents or punctuation, '&' as 'and', "X, City of" as "city of X"."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).lower().strip()
    text = _INVERTED.sub(r"\g<kind> of \g<name>", text)
    text = text.replace("&", " and ").replace("+", " and ")
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"\bsaint\b", "st", text)


def variants(key: str) -> list[tuple[str, tuple]]:
    """A normalised name and every form left by stripping designations, longest first.

    Each form comes with the constraints of the designations stripped to reach it.
    """
    found: dict[str, tuple] = {key: ()}
    queue = [key]
    while queue:
        current = queue.pop(0)
        stripped = [
            (current[len(phrase) + 1 :], hint)
            for phrase, hint in _PREFIXES
            if current.startswith(phrase + " ")
        ] + [
            (current[: -len(phrase) - 1], hint)
            for phrase, hint in _SUFFIXES
            if current.endswith(" " + phrase)
        ]
        for rest, hint in stripped:
            rest = rest.strip()
            if rest and rest not in found:
                found[rest] = found[current] + (hint,)
                queue.append(rest)
    return sorted(found.items(), key=lambda item: -len(item[0]))


class CouncilIndex:
    """Every spelling of every council, built in memory from one query."""

    def __init__(self, councils: Iterable[Council], records: Mapping | None = None):
        self.councils: dict[int, Council] = {}
        self._by_code: dict[str, int] = {}
        self._by_key: dict[str, set[int]] = defaultdict(set)
        self._has_city: dict[int, bool] = {}
        successor_codes: dict[int, list[str]] = {}
        records = records or {}
        for council in councils:
            pk = council.pk
            self.councils[pk] = council
            # The register's own Welsh name counts as the shipped data's does.
            spellings = [council.name, council.short_name, council.welsh_name]
            record = records.get(council.gss_code) if council.gss_code else None
            codes = [council.gss_code] if council.gss_code else []
            if record is not None:
                spellings += record.spellings
                codes += [record.gss_code, *record.former_codes]
                successor_codes[pk] = list(record.successors)
            for code in codes:
                self._by_code.setdefault(code, pk)
            keys = {normalise(spelling) for spelling in spellings if spelling}
            self._has_city[pk] = any("city" in key.split() for key in keys)
            for key in keys:
                for form, _constraints in variants(key):
                    if form not in GENERIC:
                        self._by_key[form].add(pk)
        # Who took over from whom: the successor field, and every successor the data lists.
        self._successors: dict[int, set[int]] = {pk: set() for pk in self.councils}
        for pk, council in self.councils.items():
            codes = successor_codes.get(pk, ())
            self._successors[pk].update(self._by_code[c] for c in codes if c in self._by_code)
            if council.successor_id in self.councils:
                self._successors[pk].add(council.successor_id)

    @classmethod
    def build(cls, queryset=None) -> CouncilIndex:
        """An index of ``queryset`` (every council by default) with the shipped spellings."""
        councils = Council.objects.all() if queryset is None else queryset
        return cls(list(councils), records_by_code())

    # --- lookups --------------------------------------------------------------------------

    def _lookup(self, text: str) -> tuple[list[int], tuple]:
        """Candidates for the longest form of ``text`` that names anything, and its constraints."""
        text = (text or "").strip()
        code = re.sub(r"\s+", "", text).upper()
        if GSS_CODE_PATTERN.match(code):
            pk = self._by_code.get(code)
            return ([pk] if pk else []), ()
        for form, constraints in variants(normalise(text)):
            if form in GENERIC:
                continue
            if form in self._by_key:
                return sorted(self._by_key[form]), constraints
        return [], ()

    def _fits(self, pk: int, constraints: tuple) -> bool:
        for constraint in constraints:
            if constraint == CITY:
                if not self._has_city[pk]:
                    return False
            elif constraint is not None and self.councils[pk].council_type not in constraint:
                return False
        return True

    def _descendants(self, pk: int) -> set[int]:
        found, queue = set(), [pk]
        while queue:
            for successor in self._successors.get(queue.pop(), ()):
                if successor not in found:
                    found.add(successor)
                    queue.append(successor)
        return found

    def _one_lineage(self, pks: list[int]) -> bool:
        """Whether the councils are one place over time (each took over from another of them)."""
        groups = {pk: {pk} for pk in pks}
        for pk in pks:
            for other in self._descendants(pk) & set(pks):
                merged = groups[pk] | groups[other]
                for member in merged:
                    groups[member] = merged
        return len(groups[pks[0]]) == len(pks)

    def candidates(self, text: str) -> list[Council]:
        """Every council ``text`` could mean (none, one, or several when it is ambiguous).

        Candidates that the text's designation rules out are dropped, unless that drops them all,
        in which case they are all returned for an editor to judge.
        """
        pks, constraints = self._lookup(text)
        fitting = [pk for pk in pks if self._fits(pk, constraints)]
        return sorted((self.councils[pk] for pk in fitting or pks), key=lambda c: c.name)

    def match(self, text: str, *, on: datetime.date | None = None) -> Council | None:
        """The one council ``text`` names, or ``None`` when it names none or is ambiguous."""
        pks, constraints = self._lookup(text)
        fitting = [pk for pk in pks if self._fits(pk, constraints)]
        if len(fitting) == 1:
            return self.councils[fitting[0]]
        if not fitting or not self._one_lineage(fitting):
            return None
        # The same place before and after a reorganisation: the council of the day.
        on = on or clock.today()
        active = [
            pk
            for pk in fitting
            if clock.active_on(self.councils[pk].valid_from, self.councils[pk].valid_to, on)
        ]
        return self.councils[active[0]] if len(active) == 1 else None

    def match_all(self, text: str, *, on: datetime.date | None = None) -> list[Council]:
        """Each council ``text`` names: one, or several for "Adur and Worthing Councils".

        The text is split at "and", "&", commas and slashes only where every part then names
        exactly one council ("Brighton and Hove" stays whole). Returns ``[]`` if any part
        cannot be resolved, rather than a partial list.
        """
        single = self.match(text, on=on)
        if single is not None:
            return [single]
        pieces = [piece for piece in _SEPARATORS.split(text or "") if piece.strip()]
        if len(pieces) < 2:
            return []
        # covers[i]: councils for pieces[i:], trying the longest leading group first.
        covers: list[list[Council] | None] = [None] * len(pieces) + [[]]
        for start in range(len(pieces) - 1, -1, -1):
            for end in range(len(pieces), start, -1):
                if covers[end] is None or (start == 0 and end == len(pieces)):
                    continue
                council = self.match(" and ".join(pieces[start:end]), on=on)
                if council is not None:
                    covers[start] = [council] + covers[end]
                    break
        return list(dict.fromkeys(covers[0])) if covers[0] else []


def match_council(text: str, *, on: datetime.date | None = None) -> Council | None:
    """The register council ``text`` names, or ``None`` when there is none or it is ambiguous.

    ``on`` (default today) settles a name shared by an abolished council and its successor.
    """
    return CouncilIndex.build().match(text, on=on)


def council_candidates(text: str) -> list[Council]:
    """Every register council ``text`` could mean, for an editor to choose from."""
    return CouncilIndex.build().candidates(text)


def match_councils(text: str, *, on: datetime.date | None = None) -> list[Council]:
    """Each register council ``text`` names, e.g. both councils of "Babergh and Mid Suffolk"."""
    return CouncilIndex.build().match_all(text, on=on)
