"""The council register: the shipped data, loading it, re-running the loader, and the command.

The register is loaded once for the module (about 430 councils) inside a transaction that is
rolled back afterwards; each test runs in a savepoint inside it, so edits do not leak.
"""

from __future__ import annotations

import datetime
import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from wagtail_casestudies.councils import (
    LICENCE_CREDIT,
    RegisterDataError,
    load_councils,
    read_register,
    successors_of,
)
from wagtail_casestudies.councils.data import COLUMNS, DATA_FILE, parse_register
from wagtail_casestudies.models import CaseStudyCouncil, Council, CouncilType, Nation, Region

# Every test in the database group: pytest-django runs tests that use the database before those
# that do not, and the module's register fixture would be loaded once for each.
pytestmark = pytest.mark.django_db

ABOLISHED_2023 = datetime.date(2023, 3, 31)
CREATED_2023 = datetime.date(2023, 4, 1)
YH = Region.YORKSHIRE_AND_THE_HUMBER


@pytest.fixture(scope="module")
def register(django_db_setup, django_db_blocker):
    """The real register, loaded once for this module and rolled back after it."""
    with factories.rolled_back(django_db_blocker):
        report = load_councils()
        yield report


@pytest.fixture
def councils(register, db):
    return {council.gss_code: council for council in Council.objects.select_related("parent")}


def by_code(code: str) -> Council:
    return Council.objects.get(gss_code=code)


# --- The data file ------------------------------------------------------------------------------


def test_data_file_credits_the_ons_under_the_open_government_licence():
    header = "".join(line for line in DATA_FILE.open(encoding="utf-8") if line.startswith("#"))
    assert "Contains public sector information licensed under the Open Government Licence v3.0" in (
        header
    )
    assert "Office for National Statistics" in header
    assert "April 2021" in header
    assert "Open Government Licence v3.0" in LICENCE_CREDIT


def test_data_file_is_what_the_build_script_makes_from_the_ons_lookup():
    qlacref = pytest.importorskip("qlacref_authorities")
    from scripts.build_council_data import build, render

    assert len(qlacref.records) == 331
    assert DATA_FILE.read_text(encoding="utf-8") == render(build(qlacref.records))


def test_every_ons_2021_code_is_in_the_register_or_recoded():
    qlacref = pytest.importorskip("qlacref_authorities")
    by_code = {code: r for r in read_register() for code in (r.gss_code, *r.former_codes)}
    for row in qlacref.records:
        assert row["LTLA21CD"] in by_code
        assert row["UTLA21CD"] in by_code
        assert by_code[row["LTLA21CD"]].ons_name == row["LTLA21NM"]


@pytest.mark.parametrize(
    "broken, message",
    [
        ("E06000052,Cornwall Council,Cornwall,unitary,atlantis,,,,,,,,,,,", "unknown region"),
        ("E06000052,Cornwall Council,Cornwall,castle,south_west,,,,,,,,,,,", "unknown council"),
        ("E06000052,Cornwall Council,Cornwall,unitary,south_west,E10009999,,,,,,,,,,", "missing"),
        ("E06000052,Cornwall Council,Cornwall,unitary,south_west,,2019-13-01,,,,,,,,,", "date"),
    ],
)
def test_a_broken_data_file_is_refused_with_a_reason(broken, message):
    header = ",".join(COLUMNS)
    with pytest.raises(RegisterDataError, match=message):
        parse_register(io.StringIO(f"# comment\n{header}\n{broken}\n"))


# --- What one load gives ------------------------------------------------------------------------


def test_first_load_creates_every_council_once(register):
    assert len(register.created) == 430
    assert not register.updated and not register.unchanged and not register.kept


def test_counts_per_council_type(councils):
    all_types = Counter(c.council_type for c in councils.values())
    active_types = Counter(c.council_type for c in Council.objects.active())
    assert all_types == {
        CouncilType.COUNTY: 27,
        CouncilType.DISTRICT: 204,
        CouncilType.UNITARY: 65,
        CouncilType.METROPOLITAN_BOROUGH: 36,
        CouncilType.LONDON_BOROUGH: 33,
        CouncilType.WELSH_UNITARY: 22,
        CouncilType.SCOTTISH_COUNCIL: 32,
        CouncilType.NORTHERN_IRISH_DISTRICT: 11,
    }
    # England's 317 principal councils since April 2023: 21 counties, 164 districts, 63 unitaries.
    assert active_types == {
        CouncilType.COUNTY: 21,
        CouncilType.DISTRICT: 164,
        CouncilType.UNITARY: 63,
        CouncilType.METROPOLITAN_BOROUGH: 36,
        CouncilType.LONDON_BOROUGH: 33,
        CouncilType.WELSH_UNITARY: 22,
        CouncilType.SCOTTISH_COUNCIL: 32,
        CouncilType.NORTHERN_IRISH_DISTRICT: 11,
    }
    assert Council.objects.abolished().count() == 48


def test_counts_per_nation_and_region(councils):
    active = Council.objects.active()
    assert Counter(active.values_list("nation", flat=True)) == {
        Nation.ENGLAND: 317,
        Nation.WALES: 22,
        Nation.SCOTLAND: 32,
        Nation.NORTHERN_IRELAND: 11,
    }
    assert Counter(active.values_list("region", flat=True)) == {
        Region.NORTH_EAST: 12,
        Region.NORTH_WEST: 36,
        Region.YORKSHIRE_AND_THE_HUMBER: 15,
        Region.EAST_MIDLANDS: 39,
        Region.WEST_MIDLANDS: 33,
        Region.EAST_OF_ENGLAND: 50,
        Region.LONDON: 33,
        Region.SOUTH_EAST: 70,
        Region.SOUTH_WEST: 29,
        Region.WALES: 22,
        Region.SCOTLAND: 32,
        Region.NORTHERN_IRELAND: 11,
    }


def test_every_council_passes_the_models_own_validation(councils):
    for council in councils.values():
        council.full_clean()


def test_type_follows_the_gss_prefix_and_nation_the_region(councils):
    prefixes = {
        "E06": "unitary",
        "E07": "district",
        "E08": "metropolitan_borough",
        "E09": "london_borough",
        "E10": "county",
        "W06": "welsh_unitary",
        "S12": "scottish_council",
        "N09": "northern_irish_district",
    }
    nine_regions = set(Region.values) - {"wales", "scotland", "northern_ireland"}
    for code, council in councils.items():
        assert council.council_type == prefixes[code[:3]], code
        if code.startswith("E"):
            assert council.region in nine_regions, code
            assert council.nation == Nation.ENGLAND
        else:
            assert (
                council.region
                == council.nation
                == {"W": "wales", "S": "scotland"}.get(code[0], "northern_ireland")
            )


def test_districts_and_only_districts_sit_in_a_county_of_their_region(councils):
    for code, council in councils.items():
        if council.council_type == CouncilType.DISTRICT:
            assert council.parent.council_type == CouncilType.COUNTY, code
            assert council.parent.region == council.region, code
        else:
            assert council.parent is None, code
    kent = councils["E10000016"]
    assert kent.children.count() == 12
    assert councils["E10000029"].children.active().count() == 5  # Suffolk today


@pytest.mark.parametrize(
    "code, name, council_type, region, parent",
    [
        ("E06000052", "Cornwall Council", "unitary", "south_west", None),
        ("E06000047", "Durham County Council", "unitary", "north_east", None),
        ("E06000057", "Northumberland County Council", "unitary", "north_east", None),
        ("E06000023", "Bristol City Council", "unitary", "south_west", None),
        ("E06000010", "Hull City Council", "unitary", "yorkshire_and_the_humber", None),
        ("E06000019", "Herefordshire Council", "unitary", "west_midlands", None),
        ("E06000053", "Council of the Isles of Scilly", "unitary", "south_west", None),
        ("E06000060", "Buckinghamshire Council", "unitary", "south_east", None),
        ("E06000042", "Milton Keynes City Council", "unitary", "south_east", None),
        ("E06000031", "Peterborough City Council", "unitary", "east_of_england", None),
        ("E06000017", "Rutland County Council", "unitary", "east_midlands", None),
        ("E06000020", "Telford and Wrekin Council", "unitary", "west_midlands", None),
        ("E06000006", "Halton Borough Council", "unitary", "north_west", None),
        ("E06000040", "Royal Borough of Windsor and Maidenhead", "unitary", "south_east", None),
        ("E06000061", "North Northamptonshire Council", "unitary", "east_midlands", None),
        ("E08000010", "Wigan Council", "metropolitan_borough", "north_west", None),
        ("E08000025", "Birmingham City Council", "metropolitan_borough", "west_midlands", None),
        ("E08000035", "Leeds City Council", "metropolitan_borough", YH, None),
        ("E08000037", "Gateshead Council", "metropolitan_borough", "north_east", None),
        ("E08000039", "Sheffield City Council", "metropolitan_borough", YH, None),
        ("E09000018", "London Borough of Hounslow", "london_borough", "london", None),
        ("E09000021", "Royal Borough of Kingston upon Thames", "london_borough", "london", None),
        ("E09000001", "City of London Corporation", "london_borough", "london", None),
        ("E09000033", "Westminster City Council", "london_borough", "london", None),
        ("E10000016", "Kent County Council", "county", "south_east", None),
        ("E10000020", "Norfolk County Council", "county", "east_of_england", None),
        ("E10000019", "Lincolnshire County Council", "county", "east_midlands", None),
        ("E10000028", "Staffordshire County Council", "county", "west_midlands", None),
        ("E10000017", "Lancashire County Council", "county", "north_west", None),
        ("E10000008", "Devon County Council", "county", "south_west", None),
        ("E07000200", "Babergh District Council", "district", "east_of_england", "E10000029"),
        ("E07000203", "Mid Suffolk District Council", "district", "east_of_england", "E10000029"),
        ("E07000008", "Cambridge City Council", "district", "east_of_england", "E10000003"),
        ("E07000178", "Oxford City Council", "district", "south_east", "E10000025"),
        ("E07000041", "Exeter City Council", "district", "south_west", "E10000008"),
        ("E07000240", "St Albans City and District Council", "district", "east_of_england",
         "E10000015"),
        ("E07000146", "Borough Council of King's Lynn and West Norfolk", "district",
         "east_of_england", "E10000020"),
        ("E07000223", "Adur District Council", "district", "south_east", "E10000032"),
        ("E07000121", "Lancaster City Council", "district", "north_west", "E10000017"),
        ("E07000194", "Lichfield District Council", "district", "west_midlands", "E10000028"),
        ("E07000138", "City of Lincoln Council", "district", "east_midlands", "E10000019"),
        ("E07000112", "Folkestone and Hythe District Council", "district", "south_east",
         "E10000016"),
        ("E07000234", "Bromsgrove District Council", "district", "west_midlands", "E10000034"),
        ("E07000170", "Ashfield District Council", "district", "east_midlands", "E10000024"),
        ("E07000073", "Harlow Council", "district", "east_of_england", "E10000012"),
        ("E07000166", "Richmondshire District Council", "district", "yorkshire_and_the_humber",
         "E10000023"),
        ("E07000154", "Northampton Borough Council", "district", "east_midlands", "E10000021"),
        ("W06000001", "Isle of Anglesey County Council", "welsh_unitary", "wales", None),
        ("W06000015", "Cardiff Council", "welsh_unitary", "wales", None),
        ("S12000036", "City of Edinburgh Council", "scottish_council", "scotland", None),
        ("S12000013", "Comhairle nan Eilean Siar", "scottish_council", "scotland", None),
        ("S12000049", "Glasgow City Council", "scottish_council", "scotland", None),
        ("N09000003", "Belfast City Council", "northern_irish_district", "northern_ireland", None),
        ("N09000005", "Derry City and Strabane District Council", "northern_irish_district",
         "northern_ireland", None),
    ],
)  # fmt: skip
def test_known_councils(councils, code, name, council_type, region, parent):
    council = councils[code]
    assert (council.name, council.council_type, council.region) == (name, council_type, region)
    assert (council.parent.gss_code if council.parent else None) == parent
    assert council.slug


# --- Reorganisations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "county, districts, successors",
    [
        (
            "E10000006",  # Cumbria
            {
                "E07000026": "E06000063",  # Allerdale -> Cumberland
                "E07000027": "E06000064",  # Barrow-in-Furness -> Westmorland and Furness
                "E07000028": "E06000063",  # Carlisle
                "E07000029": "E06000063",  # Copeland
                "E07000030": "E06000064",  # Eden
                "E07000031": "E06000064",  # South Lakeland
            },
            ["E06000063", "E06000064"],
        ),
        (
            "E10000023",  # North Yorkshire
            dict.fromkeys(
                ["E07000163", "E07000164", "E07000165", "E07000166", "E07000167", "E07000168",
                 "E07000169"],
                "E06000065",
            ),
            ["E06000065"],
        ),
        (
            "E10000027",  # Somerset
            dict.fromkeys(["E07000187", "E07000188", "E07000189", "E07000246"], "E06000066"),
            ["E06000066"],
        ),
    ],
)  # fmt: skip
def test_2023_reorganisations(councils, county, districts, successors):
    county = councils[county]
    assert county.valid_to == ABOLISHED_2023
    assert not county.is_active
    assert [c.gss_code for c in successors_of(county)] == successors
    # A county split between two councils has no single successor; one with one successor has it.
    assert (county.successor.gss_code if county.successor else None) == (
        successors[0] if len(successors) == 1 else None
    )
    for code, successor in districts.items():
        district = councils[code]
        assert district.valid_to == ABOLISHED_2023, code
        assert district.parent == county, code
        assert district.successor.gss_code == successor, code
    on_the_eve = county.children.active(on=ABOLISHED_2023)
    assert set(on_the_eve.values_list("gss_code", flat=True)) == set(districts)
    for code in successors:
        successor = councils[code]
        assert successor.is_active and successor.valid_from == CREATED_2023
        assert successor.council_type == CouncilType.UNITARY
        assert successor.region == county.region


def test_new_councils_and_their_predecessors_both_exist_for_old_case_studies(councils):
    somerset = councils["E06000066"]
    assert somerset.name == "Somerset Council"
    assert set(somerset.predecessors.values_list("gss_code", flat=True)) == {
        "E10000027",
        "E07000187",
        "E07000188",
        "E07000189",
        "E07000246",
    }
    assert str(councils["E10000027"]) == "Somerset County Council (until 2023)"
    assert Council.objects.active().filter(name__startswith="Somerset").count() == 1


def test_earlier_reorganisations_are_linked_too(councils):
    # 2021: Northamptonshire split in two.
    northants = councils["E10000021"]
    assert northants.valid_to == datetime.date(2021, 3, 31)
    assert [c.name for c in successors_of(northants)] == [
        "North Northamptonshire Council",
        "West Northamptonshire Council",
    ]
    assert councils["E07000153"].successor.name == "North Northamptonshire Council"  # Kettering
    assert councils["E07000154"].successor.name == "West Northamptonshire Council"  # Northampton
    # 2020: Buckinghamshire.
    assert councils["E07000007"].successor == councils["E06000060"]  # Wycombe
    assert councils["E06000060"].valid_from == datetime.date(2020, 4, 1)
    # 2019: Dorset mostly to Dorset Council, Christchurch to BCP; Suffolk and Somerset mergers.
    assert councils["E10000009"].successor == councils["E06000059"]
    assert councils["E07000048"].successor == councils["E06000058"]  # Christchurch -> BCP
    assert councils["E07000206"].successor == councils["E07000244"]  # Waveney -> East Suffolk
    taunton = councils["E07000190"]
    assert taunton.successor.successor == councils["E06000066"]  # via Somerset West and Taunton
    # Every abolished council has somewhere to point readers at.
    for council in Council.objects.abolished():
        assert successors_of(council), council


def test_recoded_councils_keep_one_record_under_the_current_code(councils):
    assert councils["E08000038"].name == "Barnsley Council"
    assert "E08000016" not in councils and "E08000019" not in councils


# --- Running it again ---------------------------------------------------------------------------


def snapshot():
    return list(
        Council.objects.order_by("gss_code").values_list(
            "pk", "gss_code", "name", "short_name", "slug", "council_type", "region", "nation",
            "parent_id", "successor_id", "valid_from", "valid_to", "website", "logo_id",
        )
    )  # fmt: skip


def test_running_again_creates_nothing_and_changes_nothing(councils):
    before = snapshot()
    report = load_councils()
    assert report.created == [] and report.updated == {} and report.kept == {}
    assert len(report.unchanged) == 430
    assert snapshot() == before


def test_editor_edits_survive_a_rerun(councils):
    cornwall = councils["E06000052"]
    cornwall.name = "Cornwall Council / Konsel Kernow"
    cornwall.website = "https://www.cornwall.gov.uk/"
    cornwall.logo = factories.make_image("Cornwall logo")
    cornwall.save()
    hounslow = councils["E09000018"]
    hounslow.short_name = "Hounslow Council"
    hounslow.save()

    report = load_councils()

    cornwall.refresh_from_db()
    hounslow.refresh_from_db()
    assert cornwall.name == "Cornwall Council / Konsel Kernow"
    assert cornwall.website == "https://www.cornwall.gov.uk/"
    assert cornwall.logo.title == "Cornwall logo"
    assert hounslow.short_name == "Hounslow Council"
    assert report.created == [] and report.updated == {}
    kept = {label: [value.field for value in values] for label, values in report.kept.items()}
    assert kept == {
        "E06000052 Cornwall Council / Konsel Kernow": ["name"],
        "E09000018 London Borough of Hounslow": ["short_name"],
    }
    assert "Left 2 editor change(s) on 2 council(s) alone" in report.summary()


def test_overwrite_restores_register_values_but_never_website_or_logo(councils):
    cornwall = councils["E06000052"]
    cornwall.name = "Kernow"
    cornwall.region = Region.SOUTH_EAST
    cornwall.website = "https://www.cornwall.gov.uk/"
    cornwall.save()
    carlisle = councils["E07000028"]
    carlisle.successor = councils["E06000064"]  # wrong: Carlisle went to Cumberland
    carlisle.save()

    report = load_councils(overwrite=True)

    cornwall.refresh_from_db()
    carlisle.refresh_from_db()
    assert (cornwall.name, cornwall.region) == ("Cornwall Council", Region.SOUTH_WEST)
    assert cornwall.website == "https://www.cornwall.gov.uk/"
    assert carlisle.successor.name == "Cumberland Council"
    assert report.updated == {
        "E06000052 Cornwall Council": ["name", "region"],
        "E07000028 Carlisle City Council": ["successor"],
    }


def test_blank_fields_are_filled_and_reported_as_updates(councils):
    eden = councils["E07000030"]
    Council.objects.filter(pk=eden.pk).update(
        short_name="", valid_to=None, successor=None, parent=None, region=""
    )
    report = load_councils()
    eden.refresh_from_db()
    assert eden.short_name == "Eden"
    assert eden.valid_to == ABOLISHED_2023
    assert eden.successor.gss_code == "E06000064"
    assert eden.parent.gss_code == "E10000006"
    assert eden.region == Region.NORTH_WEST
    assert report.updated == {
        "E07000030 Eden District Council": [
            "short_name", "region", "valid_to", "parent", "successor",
        ]
    }  # fmt: skip


def test_a_name_the_register_itself_used_before_is_updated_not_kept(councils):
    colchester = councils["E07000071"]
    colchester.name = "Colchester Borough Council"  # its name until city status in 2022
    colchester.save()
    report = load_councils()
    colchester.refresh_from_db()
    assert colchester.name == "Colchester City Council"
    assert report.updated == {"E07000071 Colchester City Council": ["name"]}


def test_a_council_under_its_former_code_is_recoded_not_duplicated(councils):
    barnsley = councils["E08000038"]
    Council.objects.filter(pk=barnsley.pk).update(gss_code="E08000016")
    report = load_councils()
    barnsley.refresh_from_db()
    assert barnsley.gss_code == "E08000038"
    assert Council.objects.filter(name="Barnsley Council").count() == 1
    assert report.updated == {"E08000038 Barnsley Council": ["gss_code"]}


def test_a_council_typed_by_hand_is_adopted_not_duplicated(index_page, councils):
    # An editor entered Wigan before the register was loaded, and a case study uses it.
    wigan = councils["E08000010"]
    Council.objects.filter(pk=wigan.pk).delete()
    by_hand = factories.make_council("Wigan Council", council_type=CouncilType.OTHER, region="")
    page = factories.make_case_study(index_page, councils=[by_hand])

    report = load_councils()

    by_hand.refresh_from_db()
    assert by_hand.gss_code == "E08000010"
    assert by_hand.council_type == CouncilType.METROPOLITAN_BOROUGH
    assert by_hand.region == Region.NORTH_WEST
    assert Council.objects.filter(name="Wigan Council").count() == 1
    assert page.lead_council == by_hand
    assert report.adopted == ["E08000010 Wigan Council"] and report.created == []


def test_nothing_is_deleted_without_prune_and_used_councils_never(index_page, councils):
    unused = factories.make_council("Old Test District", gss_code="E07000999")
    used = factories.make_council("Used Test District", gss_code="E07000998")
    factories.make_case_study(index_page, councils=[used])
    editors_own = factories.make_council("Greater Manchester Combined Authority")

    report = load_councils()
    assert set(report.not_in_register) == {
        "E07000999 Old Test District",
        "E07000998 Used Test District",
    }
    assert Council.objects.filter(pk__in=[unused.pk, used.pk, editors_own.pk]).count() == 3

    report = load_councils(prune=True)
    assert report.deleted == ["E07000999 Old Test District"]
    assert report.in_use == ["E07000998 Used Test District"]
    assert not Council.objects.filter(pk=unused.pk).exists()
    assert Council.objects.filter(pk__in=[used.pk, editors_own.pk]).count() == 2
    assert CaseStudyCouncil.objects.filter(council=used).exists()


def test_dry_run_reports_without_saving(councils):
    cornwall = councils["E06000052"]
    cornwall.name = "Kernow"
    cornwall.save()
    report = load_councils(overwrite=True, dry_run=True)
    assert report.updated == {"E06000052 Cornwall Council": ["name"]}
    assert "Dry run" in report.summary()
    cornwall.refresh_from_db()
    assert cornwall.name == "Kernow"


# --- The management command ---------------------------------------------------------------------


def test_command_reports_what_it_did(councils):
    cornwall = councils["E06000052"]
    cornwall.name = "Kernow"
    cornwall.save()
    out = io.StringIO()
    call_command("casestudies_load_councils", stdout=out, verbosity=2)
    text = out.getvalue()
    assert "Created 0, updated 0 and left 430 unchanged" in text
    assert "kept     E06000052 Kernow: name: kept Kernow (register data: Cornwall Council)" in text

    out = io.StringIO()
    call_command("casestudies_load_councils", "--overwrite", stdout=out)
    assert "Created 0, updated 1 and left 429 unchanged" in out.getvalue()
    assert by_code("E06000052").name == "Cornwall Council"


def test_command_turns_unusable_data_into_a_helpful_error(councils, monkeypatch):
    def unreadable():
        raise RegisterDataError("cannot read councils.csv: no such file")

    monkeypatch.setattr("wagtail_casestudies.councils.register.read_register", unreadable)
    with pytest.raises(CommandError, match="Reinstall the package"):
        call_command("casestudies_load_councils", stdout=io.StringIO())
