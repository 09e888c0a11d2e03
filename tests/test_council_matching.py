"""Resolving councils as people write them, against the real register.

SPELLINGS holds real ways councils are written (official names, the names on their websites and
letterheads, how case-study titles and submissions write them, Welsh names, ONS names, codes),
each with the council it must resolve to, or None where the right answer is to refuse.
"""

from __future__ import annotations

import datetime

import pytest

from tests import factories
from wagtail_casestudies.councils import (
    CouncilIndex,
    council_candidates,
    load_councils,
    match_council,
    match_councils,
    normalise,
    read_register,
)
from wagtail_casestudies.models import Council

# Every test in the database group: pytest-django runs tests that use the database before those
# that do not, and a module fixture shared by both kinds is built once for each (the register
# loaded twice).
pytestmark = pytest.mark.django_db

# fmt: off
SPELLINGS = [
    # English unitaries
    ("Cornwall Council", "E06000052"), ("Cornwall", "E06000052"), ("CORNWALL COUNCIL", "E06000052"),
    ("Cornwall County Council", "E06000052"), ("Wiltshire Council", "E06000054"),
    ("Wiltshire County Council", "E06000054"), ("Wilts", "E06000054"),
    ("Shropshire Council", "E06000051"), ("Durham County Council", "E06000047"),
    ("County Durham", "E06000047"), ("Durham", "E06000047"), ("Durham Council", "E06000047"),
    ("Northumberland County Council", "E06000057"), ("Northumberland", "E06000057"),
    ("Bristol City Council", "E06000023"), ("Bristol", "E06000023"),
    ("City of Bristol", "E06000023"), ("Bristol, City of", "E06000023"),
    ("City of Bristol Council", "E06000023"), ("Hull City Council", "E06000010"),
    ("Hull", "E06000010"), ("Kingston upon Hull", "E06000010"),
    ("Kingston upon Hull City Council", "E06000010"), ("Kingston-upon-Hull", "E06000010"),
    ("Kingston upon Hull, City of", "E06000010"), ("Herefordshire Council", "E06000019"),
    ("Herefordshire", "E06000019"), ("County of Herefordshire", "E06000019"),
    ("Herefordshire County Council", "E06000019"), ("City of York Council", "E06000014"),
    ("York", "E06000014"), ("York City Council", "E06000014"),
    ("Leicester City Council", "E06000016"), ("Leicester", "E06000016"),
    ("Derby City Council", "E06000015"), ("Nottingham City Council", "E06000018"),
    ("Stoke-on-Trent City Council", "E06000021"), ("Stoke on Trent", "E06000021"),
    ("Stoke", "E06000021"), ("Plymouth City Council", "E06000026"), ("Torbay Council", "E06000027"),
    ("Swindon Borough Council", "E06000030"), ("Swindon Council", "E06000030"),
    ("Peterborough City Council", "E06000031"), ("Luton Borough Council", "E06000032"),
    ("Luton Council", "E06000032"), ("Southend-on-Sea City Council", "E06000033"),
    ("Southend-on-Sea Borough Council", "E06000033"), ("Southend Council", "E06000033"),
    ("Thurrock Council", "E06000034"), ("Medway Council", "E06000035"),
    ("Bracknell Forest Council", "E06000036"), ("West Berkshire Council", "E06000037"),
    ("Reading Borough Council", "E06000038"), ("Slough Borough Council", "E06000039"),
    ("Royal Borough of Windsor and Maidenhead", "E06000040"),
    ("Royal Borough of Windsor & Maidenhead", "E06000040"),
    ("Windsor and Maidenhead Council", "E06000040"), ("RBWM", "E06000040"),
    ("Wokingham Borough Council", "E06000041"), ("Milton Keynes Council", "E06000042"),
    ("Milton Keynes City Council", "E06000042"), ("Brighton & Hove City Council", "E06000043"),
    ("Brighton and Hove", "E06000043"), ("Brighton", "E06000043"),
    ("Portsmouth City Council", "E06000044"), ("Southampton City Council", "E06000045"),
    ("Isle of Wight Council", "E06000046"), ("Cheshire East Council", "E06000049"),
    ("Cheshire West and Chester Council", "E06000050"), ("Cheshire West & Chester", "E06000050"),
    ("Council of the Isles of Scilly", "E06000053"), ("Isles of Scilly", "E06000053"),
    ("Bedford Borough Council", "E06000055"), ("Bedford", "E06000055"),
    ("Central Bedfordshire Council", "E06000056"), ("BCP Council", "E06000058"),
    ("Bournemouth, Christchurch and Poole Council", "E06000058"), ("Dorset Council", "E06000059"),
    ("Buckinghamshire Council", "E06000060"), ("North Northamptonshire Council", "E06000061"),
    ("North Northants Council", "E06000061"), ("West Northamptonshire Council", "E06000062"),
    ("Cumberland Council", "E06000063"), ("Westmorland and Furness Council", "E06000064"),
    ("Westmorland & Furness", "E06000064"), ("North Yorkshire Council", "E06000065"),
    ("North Yorkshire", "E06000065"), ("Somerset Council", "E06000066"), ("Somerset", "E06000066"),
    ("Hartlepool Borough Council", "E06000001"), ("Middlesbrough Council", "E06000002"),
    ("Redcar and Cleveland Borough Council", "E06000003"), ("Redcar & Cleveland", "E06000003"),
    ("Stockton-on-Tees Borough Council", "E06000004"), ("Stockton Council", "E06000004"),
    ("Darlington Borough Council", "E06000005"), ("Halton Borough Council", "E06000006"),
    ("Warrington Borough Council", "E06000007"),
    ("Blackburn with Darwen Borough Council", "E06000008"),
    ("Blackburn with Darwen Council", "E06000008"), ("Blackpool Council", "E06000009"),
    ("East Riding of Yorkshire Council", "E06000011"), ("East Riding Council", "E06000011"),
    ("North East Lincolnshire Council", "E06000012"), ("North Lincolnshire Council", "E06000013"),
    ("Rutland County Council", "E06000017"), ("Telford & Wrekin Council", "E06000020"),
    ("Telford and Wrekin", "E06000020"), ("Bath & North East Somerset Council", "E06000022"),
    ("BANES", "E06000022"), ("B&NES Council", "E06000022"), ("North Somerset Council", "E06000024"),
    ("South Gloucestershire Council", "E06000025"),
    # Metropolitan boroughs
    ("Wigan council", "E08000010"), ("Wigan Metropolitan Borough Council", "E08000010"),
    ("Wigan MBC", "E08000010"), ("Manchester City Council", "E08000003"),
    ("Manchester", "E08000003"), ("Salford City Council", "E08000006"),
    ("Bolton Council", "E08000001"), ("Bury Council", "E08000002"), ("Oldham Council", "E08000004"),
    ("Rochdale Borough Council", "E08000005"), ("Stockport Council", "E08000007"),
    ("Stockport Metropolitan Borough Council", "E08000007"),
    ("Tameside Metropolitan Borough Council", "E08000008"), ("Trafford Council", "E08000009"),
    ("Knowsley Metropolitan Borough Council", "E08000011"), ("Liverpool City Council", "E08000012"),
    ("St Helens Council", "E08000013"), ("St. Helens Borough Council", "E08000013"),
    ("Sefton Council", "E08000014"), ("Wirral Council", "E08000015"),
    ("Barnsley Metropolitan Borough Council", "E08000038"), ("Barnsley Council", "E08000038"),
    ("Doncaster Council", "E08000017"), ("City of Doncaster Council", "E08000017"),
    ("Rotherham Metropolitan Borough Council", "E08000018"),
    ("Sheffield City Council", "E08000039"), ("Newcastle City Council", "E08000021"),
    ("Newcastle upon Tyne City Council", "E08000021"), ("North Tyneside Council", "E08000022"),
    ("South Tyneside Council", "E08000023"), ("Sunderland City Council", "E08000024"),
    ("Birmingham City Council", "E08000025"), ("Coventry City Council", "E08000026"),
    ("Dudley Metropolitan Borough Council", "E08000027"),
    ("Sandwell Metropolitan Borough Council", "E08000028"),
    ("Solihull Metropolitan Borough Council", "E08000029"), ("Walsall Council", "E08000030"),
    ("City of Wolverhampton Council", "E08000031"), ("Wolverhampton City Council", "E08000031"),
    ("Bradford Council", "E08000032"),
    ("City of Bradford Metropolitan District Council", "E08000032"),
    ("Calderdale Council", "E08000033"), ("Kirklees Council", "E08000034"),
    ("Leeds City Council", "E08000035"), ("Wakefield Council", "E08000036"),
    ("City of Wakefield Metropolitan District Council", "E08000036"),
    ("Gateshead Council", "E08000037"),
    # London
    ("London Borough of Hounslow", "E09000018"), ("Hounslow Council", "E09000018"),
    ("LB Hounslow", "E09000018"), ("Royal Borough of Kingston upon Thames", "E09000021"),
    ("Kingston Council", "E09000021"), ("Kingston upon Thames", "E09000021"),
    ("Royal Borough of Greenwich", "E09000011"), ("Greenwich Council", "E09000011"),
    ("Royal Borough of Kensington and Chelsea", "E09000020"), ("Kensington & Chelsea", "E09000020"),
    ("RBKC", "E09000020"), ("London Borough of Barking and Dagenham", "E09000002"),
    ("Barking & Dagenham Council", "E09000002"), ("London Borough of Barnet", "E09000003"),
    ("Barnet Council", "E09000003"), ("London Borough of Bexley", "E09000004"),
    ("Brent Council", "E09000005"), ("London Borough of Bromley", "E09000006"),
    ("Camden Council", "E09000007"), ("London Borough of Camden", "E09000007"),
    ("Croydon Council", "E09000008"), ("Ealing Council", "E09000009"),
    ("Enfield Council", "E09000010"), ("Hackney Council", "E09000012"),
    ("London Borough of Hackney", "E09000012"), ("Hammersmith & Fulham Council", "E09000013"),
    ("LBHF", "E09000013"), ("Haringey Council", "E09000014"), ("Harrow Council", "E09000015"),
    ("London Borough of Havering", "E09000016"), ("Hillingdon Council", "E09000017"),
    ("Islington Council", "E09000019"), ("Lambeth Council", "E09000022"),
    ("London Borough of Lambeth", "E09000022"), ("Lewisham Council", "E09000023"),
    ("London Borough of Merton", "E09000024"), ("Newham Council", "E09000025"),
    ("London Borough of Redbridge", "E09000026"),
    ("London Borough of Richmond upon Thames", "E09000027"),
    ("Richmond upon Thames Council", "E09000027"), ("London Borough of Richmond", "E09000027"),
    ("Southwark Council", "E09000028"), ("London Borough of Sutton", "E09000029"),
    ("Tower Hamlets Council", "E09000030"), ("London Borough of Tower Hamlets", "E09000030"),
    ("Waltham Forest Council", "E09000031"), ("Wandsworth Borough Council", "E09000032"),
    ("Wandsworth Council", "E09000032"), ("Westminster City Council", "E09000033"),
    ("City of Westminster", "E09000033"), ("City of London Corporation", "E09000001"),
    ("City of London", "E09000001"), ("Corporation of London", "E09000001"),
    # Counties, including the abolished ones named in full
    ("Kent County Council", "E10000016"), ("Kent", "E10000016"), ("Kent CC", "E10000016"),
    ("Essex County Council", "E10000012"), ("Hampshire County Council", "E10000014"),
    ("Hants County Council", "E10000014"), ("Surrey County Council", "E10000030"),
    ("Norfolk County Council", "E10000020"), ("Suffolk County Council", "E10000029"),
    ("Suffolk", "E10000029"), ("Lancashire County Council", "E10000017"),
    ("Devon County Council", "E10000008"), ("Derbyshire County Council", "E10000007"),
    ("Nottinghamshire County Council", "E10000024"), ("Notts County Council", "E10000024"),
    ("Leicestershire County Council", "E10000018"), ("Lincolnshire County Council", "E10000019"),
    ("Staffordshire County Council", "E10000028"), ("Warwickshire County Council", "E10000031"),
    ("Worcestershire County Council", "E10000034"), ("Gloucestershire County Council", "E10000013"),
    ("Oxfordshire County Council", "E10000025"), ("Cambridgeshire County Council", "E10000003"),
    ("Hertfordshire County Council", "E10000015"), ("Herts County Council", "E10000015"),
    ("East Sussex County Council", "E10000011"), ("West Sussex County Council", "E10000032"),
    ("Cumbria County Council", "E10000006"), ("Cumbria", "E10000006"),
    ("North Yorkshire County Council", "E10000023"), ("Somerset County Council", "E10000027"),
    ("Northamptonshire County Council", "E10000021"), ("Northamptonshire", "E10000021"),
    ("Buckinghamshire County Council", "E10000002"), ("Dorset County Council", "E10000009"),
    # Districts
    ("Babergh District Council", "E07000200"), ("Mid Suffolk District Council", "E07000203"),
    ("Babergh", "E07000200"), ("Mid Suffolk", "E07000203"), ("Cambridge City Council", "E07000008"),
    ("South Cambridgeshire District Council", "E07000012"),
    ("East Cambridgeshire District Council", "E07000009"),
    ("Fenland District Council", "E07000010"), ("Huntingdonshire District Council", "E07000011"),
    ("Exeter City Council", "E07000041"), ("East Devon District Council", "E07000040"),
    ("Teignbridge District Council", "E07000045"), ("North Devon Council", "E07000043"),
    ("South Hams District Council", "E07000044"), ("West Devon Borough Council", "E07000047"),
    ("Eastbourne Borough Council", "E07000061"), ("Hastings Borough Council", "E07000062"),
    ("Lewes District Council", "E07000063"), ("Wealden District Council", "E07000065"),
    ("Basildon Council", "E07000066"), ("Braintree District Council", "E07000067"),
    ("Chelmsford City Council", "E07000070"), ("Colchester Borough Council", "E07000071"),
    ("Colchester City Council", "E07000071"), ("Epping Forest District Council", "E07000072"),
    ("Harlow Council", "E07000073"), ("Uttlesford District Council", "E07000077"),
    ("Tendring District Council", "E07000076"), ("Cheltenham Borough Council", "E07000078"),
    ("Cotswold District Council", "E07000079"), ("Cotswolds District Council", "E07000079"),
    ("Forest of Dean District Council", "E07000080"), ("Gloucester City Council", "E07000081"),
    ("Stroud District Council", "E07000082"), ("Tewkesbury Borough Council", "E07000083"),
    ("Basingstoke and Deane Borough Council", "E07000084"),
    ("Eastleigh Borough Council", "E07000086"), ("Fareham Borough Council", "E07000087"),
    ("New Forest District Council", "E07000091"), ("Rushmoor Borough Council", "E07000092"),
    ("Test Valley Borough Council", "E07000093"), ("Winchester City Council", "E07000094"),
    ("Dacorum Borough Council", "E07000096"), ("Watford Borough Council", "E07000103"),
    ("St Albans City and District Council", "E07000240"),
    ("St Albans City & District Council", "E07000240"), ("St. Albans", "E07000240"),
    ("Welwyn Hatfield Borough Council", "E07000241"), ("East Herts Council", "E07000242"),
    ("North Herts Council", "E07000099"), ("Stevenage Borough Council", "E07000243"),
    ("Ashford Borough Council", "E07000105"), ("Canterbury City Council", "E07000106"),
    ("Dover District Council", "E07000108"), ("Maidstone Borough Council", "E07000110"),
    ("Sevenoaks District Council", "E07000111"),
    ("Folkestone & Hythe District Council", "E07000112"), ("Shepway District Council", "E07000112"),
    ("Swale Borough Council", "E07000113"), ("Thanet District Council", "E07000114"),
    ("Tunbridge Wells Borough Council", "E07000116"),
    ("Tonbridge and Malling Borough Council", "E07000115"),
    ("Burnley Borough Council", "E07000117"), ("Chorley Council", "E07000118"),
    ("Lancaster City Council", "E07000121"), ("Preston City Council", "E07000123"),
    ("Wyre Council", "E07000128"), ("West Lancashire Borough Council", "E07000127"),
    ("Charnwood Borough Council", "E07000130"), ("Harborough District Council", "E07000131"),
    ("Hinckley & Bosworth Borough Council", "E07000132"),
    ("North West Leicestershire District Council", "E07000134"),
    ("Oadby and Wigston Borough Council", "E07000135"), ("Boston Borough Council", "E07000136"),
    ("East Lindsey District Council", "E07000137"), ("City of Lincoln Council", "E07000138"),
    ("Lincoln City Council", "E07000138"), ("South Kesteven District Council", "E07000141"),
    ("Breckland Council", "E07000143"), ("Broadland District Council", "E07000144"),
    ("Great Yarmouth Borough Council", "E07000145"),
    ("King's Lynn and West Norfolk Borough Council", "E07000146"),
    ("Borough Council of King's Lynn & West Norfolk", "E07000146"),
    ("Kings Lynn and West Norfolk", "E07000146"), ("Norwich City Council", "E07000148"),
    ("South Norfolk Council", "E07000149"), ("Harrogate Borough Council", "E07000165"),
    ("Scarborough Borough Council", "E07000168"), ("Selby District Council", "E07000169"),
    ("Ryedale District Council", "E07000167"), ("Craven District Council", "E07000163"),
    ("Ashfield District Council", "E07000170"), ("Bassetlaw District Council", "E07000171"),
    ("Gedling Borough Council", "E07000173"), ("Mansfield District Council", "E07000174"),
    ("Newark & Sherwood District Council", "E07000175"),
    ("Rushcliffe Borough Council", "E07000176"), ("Cherwell District Council", "E07000177"),
    ("Oxford City Council", "E07000178"), ("South Oxfordshire District Council", "E07000179"),
    ("Vale of White Horse District Council", "E07000180"),
    ("West Oxfordshire District Council", "E07000181"), ("Mendip District Council", "E07000187"),
    ("Sedgemoor District Council", "E07000188"), ("South Somerset District Council", "E07000189"),
    ("Somerset West and Taunton Council", "E07000246"),
    ("Taunton Deane Borough Council", "E07000190"), ("West Somerset Council", "E07000191"),
    ("Cannock Chase Council", "E07000192"), ("East Staffordshire Borough Council", "E07000193"),
    ("Lichfield District Council", "E07000194"),
    ("Newcastle-under-Lyme Borough Council", "E07000195"),
    ("Stafford Borough Council", "E07000197"),
    ("Staffordshire Moorlands District Council", "E07000198"),
    ("Tamworth Borough Council", "E07000199"), ("Ipswich Borough Council", "E07000202"),
    ("East Suffolk Council", "E07000244"), ("West Suffolk Council", "E07000245"),
    ("Waveney District Council", "E07000206"), ("Suffolk Coastal District Council", "E07000205"),
    ("Forest Heath District Council", "E07000201"), ("St Edmundsbury Borough Council", "E07000204"),
    ("Elmbridge Borough Council", "E07000207"), ("Epsom & Ewell Borough Council", "E07000208"),
    ("Guildford Borough Council", "E07000209"), ("Mole Valley District Council", "E07000210"),
    ("Reigate and Banstead Borough Council", "E07000211"),
    ("Runnymede Borough Council", "E07000212"), ("Spelthorne Borough Council", "E07000213"),
    ("Surrey Heath Borough Council", "E07000214"), ("Tandridge District Council", "E07000215"),
    ("Waverley Borough Council", "E07000216"), ("Woking Borough Council", "E07000217"),
    ("North Warwickshire Borough Council", "E07000218"),
    ("Nuneaton & Bedworth Borough Council", "E07000219"), ("Rugby Borough Council", "E07000220"),
    ("Stratford-on-Avon District Council", "E07000221"),
    ("Stratford-upon-Avon District Council", "E07000221"),
    ("Warwick District Council", "E07000222"), ("Adur District Council", "E07000223"),
    ("Arun District Council", "E07000224"), ("Chichester District Council", "E07000225"),
    ("Crawley Borough Council", "E07000226"), ("Horsham District Council", "E07000227"),
    ("Mid Sussex District Council", "E07000228"), ("Worthing Borough Council", "E07000229"),
    ("Bromsgrove District Council", "E07000234"), ("Malvern Hills District Council", "E07000235"),
    ("Redditch Borough Council", "E07000236"), ("Worcester City Council", "E07000237"),
    ("Wychavon District Council", "E07000238"), ("Wyre Forest District Council", "E07000239"),
    ("Allerdale Borough Council", "E07000026"), ("Barrow Borough Council", "E07000027"),
    ("Carlisle City Council", "E07000028"), ("Copeland Borough Council", "E07000029"),
    ("Eden District Council", "E07000030"), ("South Lakeland District Council", "E07000031"),
    ("Aylesbury Vale District Council", "E07000004"), ("Wycombe District Council", "E07000007"),
    ("Chiltern District Council", "E07000005"), ("South Bucks District Council", "E07000006"),
    ("Northampton Borough Council", "E07000154"), ("Kettering Borough Council", "E07000153"),
    ("Corby Borough Council", "E07000150"), ("Daventry District Council", "E07000151"),
    ("Borough Council of Wellingborough", "E07000156"),
    ("Bournemouth Borough Council", "E06000028"), ("Borough of Poole", "E06000029"),
    ("Poole Borough Council", "E06000029"), ("Christchurch Borough Council", "E07000048"),
    ("Purbeck District Council", "E07000051"), ("Weymouth & Portland Borough Council", "E07000053"),
    ("Chesterfield Borough Council", "E07000034"), ("High Peak Borough Council", "E07000037"),
    ("Amber Valley Borough Council", "E07000032"), ("Bolsover District Council", "E07000033"),
    ("Erewash Borough Council", "E07000036"), ("Derbyshire Dales District Council", "E07000035"),
    # Wales, in English and Welsh
    ("Isle of Anglesey County Council", "W06000001"), ("Cyngor Sir Ynys Môn", "W06000001"),
    ("Ynys Mon", "W06000001"), ("Anglesey Council", "W06000001"), ("Gwynedd Council", "W06000002"),
    ("Cyngor Gwynedd", "W06000002"), ("Conwy County Borough Council", "W06000003"),
    ("Conwy Council", "W06000003"), ("Denbighshire County Council", "W06000004"),
    ("Cyngor Sir Ddinbych", "W06000004"), ("Flintshire County Council", "W06000005"),
    ("Wrexham County Borough Council", "W06000006"), ("Wrexham Council", "W06000006"),
    ("Ceredigion County Council", "W06000008"), ("Cyngor Sir Ceredigion", "W06000008"),
    ("Pembrokeshire County Council", "W06000009"), ("Cyngor Sir Penfro", "W06000009"),
    ("Carmarthenshire County Council", "W06000010"), ("Cyngor Sir Gâr", "W06000010"),
    ("Swansea Council", "W06000011"), ("City and County of Swansea", "W06000011"),
    ("Cyngor Abertawe", "W06000011"), ("Neath Port Talbot County Borough Council", "W06000012"),
    ("Neath Port Talbot Council", "W06000012"), ("Bridgend County Borough Council", "W06000013"),
    ("Vale of Glamorgan Council", "W06000014"), ("Cyngor Bro Morgannwg", "W06000014"),
    ("Cardiff Council", "W06000015"), ("City of Cardiff Council", "W06000015"),
    ("Cardiff City Council", "W06000015"), ("Cyngor Caerdydd", "W06000015"),
    ("Rhondda Cynon Taf County Borough Council", "W06000016"), ("RCT Council", "W06000016"),
    ("Rhondda Cynon Taff Council", "W06000016"), ("Caerphilly County Borough Council", "W06000018"),
    ("Blaenau Gwent County Borough Council", "W06000019"),
    ("Torfaen County Borough Council", "W06000020"), ("Monmouthshire County Council", "W06000021"),
    ("Newport City Council", "W06000022"), ("Powys County Council", "W06000023"),
    ("Merthyr Tydfil County Borough Council", "W06000024"),
    # Scotland
    ("Aberdeen City Council", "S12000033"), ("Aberdeenshire Council", "S12000034"),
    ("Angus Council", "S12000041"), ("Argyll and Bute Council", "S12000035"),
    ("Argyll & Bute Council", "S12000035"), ("City of Edinburgh Council", "S12000036"),
    ("Edinburgh City Council", "S12000036"), ("Edinburgh", "S12000036"),
    ("Clackmannanshire Council", "S12000005"), ("Comhairle nan Eilean Siar", "S12000013"),
    ("Western Isles Council", "S12000013"), ("Dumfries and Galloway Council", "S12000006"),
    ("Dumfries & Galloway Council", "S12000006"), ("Dundee City Council", "S12000042"),
    ("East Ayrshire Council", "S12000008"), ("East Dunbartonshire Council", "S12000045"),
    ("East Lothian Council", "S12000010"), ("East Renfrewshire Council", "S12000011"),
    ("Falkirk Council", "S12000014"), ("Fife Council", "S12000047"),
    ("Glasgow City Council", "S12000049"), ("Glasgow", "S12000049"),
    ("The Highland Council", "S12000017"), ("Highland Council", "S12000017"),
    ("Inverclyde Council", "S12000018"), ("Midlothian Council", "S12000019"),
    ("Moray Council", "S12000020"), ("North Ayrshire Council", "S12000021"),
    ("North Lanarkshire Council", "S12000050"), ("Orkney Islands Council", "S12000023"),
    ("Perth & Kinross Council", "S12000048"), ("Renfrewshire Council", "S12000038"),
    ("Scottish Borders Council", "S12000026"), ("Shetland Islands Council", "S12000027"),
    ("South Ayrshire Council", "S12000028"), ("South Lanarkshire Council", "S12000029"),
    ("Stirling Council", "S12000030"), ("West Dunbartonshire Council", "S12000039"),
    ("West Lothian Council", "S12000040"),
    # Northern Ireland
    ("Belfast City Council", "N09000003"), ("Antrim and Newtownabbey Borough Council", "N09000001"),
    ("Ards and North Down Borough Council", "N09000011"),
    ("Armagh City, Banbridge and Craigavon Borough Council", "N09000002"),
    ("Armagh City Banbridge & Craigavon Borough Council", "N09000002"),
    ("Causeway Coast and Glens Borough Council", "N09000004"),
    ("Derry City & Strabane District Council", "N09000005"),
    ("Fermanagh & Omagh District Council", "N09000006"),
    ("Lisburn & Castlereagh City Council", "N09000007"),
    ("Mid and East Antrim Borough Council", "N09000008"),
    ("Mid Ulster District Council", "N09000009"),
    ("Newry, Mourne and Down District Council", "N09000010"),
    ("Newry Mourne & Down District Council", "N09000010"),
    # GSS codes
    ("E06000052", "E06000052"), ("e06000052", "E06000052"), (" E09000018 ", "E09000018"),
    ("W06000015", "W06000015"), ("S12000036", "S12000036"), ("N09000003", "N09000003"),
    ("E08000016", "E08000038"), ("E99999999", None),
    # Refused: ambiguous, not a principal council in the register, or a designation that fits
    # none of the candidates.
    ("Richmond", None), ("Richmond Council", None), ("Newcastle", None),
    ("Newcastle Borough Council", None), ("Durham City Council", None),
    ("Lichfield City Council", None), ("Chichester City Council", None),
    ("Hereford City Council", None), ("Salisbury City Council", None),
    ("Kent District Council", None), ("London Borough of Cornwall", None), ("London", None),
    ("Greater London Authority", None), ("Greater Manchester Combined Authority", None),
    ("Transport for London", None), ("Local Government Association", None),
    ("Essex Fire and Rescue Service", None), ("Frome Town Council", None),
    ("Cheshire County Council", None), ("Bedfordshire County Council", None), ("Council", None),
    ("County Council", None), ("", None), ("Various councils", None), ("Wales", None),
    ("Yorkshire", None), ("Babergh and Mid Suffolk", None), ("Adur & Worthing Councils", None),
]
# fmt: on


@pytest.fixture(scope="module")
def index(django_db_setup, django_db_blocker):
    """The real register loaded once for this module (and rolled back after it), indexed once."""
    with factories.rolled_back(django_db_blocker):
        load_councils()
        yield CouncilIndex.build()


def code_of(council):
    return council.gss_code if council else None


def test_the_spelling_list_is_large_and_covers_every_kind_of_council(index):
    expected = {code for _text, code in SPELLINGS if code}
    kinds = {c.council_type for c in index.councils.values() if c.gss_code in expected}
    assert len(SPELLINGS) >= 500
    assert len(kinds) == 8
    assert sum(code is None for _text, code in SPELLINGS) >= 25


def test_real_spellings(index):
    """Every spelling in SPELLINGS, checked in one test (a test per spelling cost more in pytest's
    own bookkeeping than in matching); a failure lists every spelling that resolves wrongly."""
    wrong = [
        f"{text!r}: expected {expected}, got {got}"
        for text, expected in SPELLINGS
        if (got := code_of(index.match(text))) != expected
    ]
    assert not wrong, f"{len(wrong)} of {len(SPELLINGS)} spellings resolve wrongly:\n" + "\n".join(
        wrong
    )


def test_every_register_name_and_code_resolves_to_its_own_council(index):
    for council in index.councils.values():
        assert index.match(council.name) == council, council.name
        assert index.match(council.gss_code) == council, council.gss_code


def test_no_shipped_spelling_resolves_to_a_council_it_does_not_belong_to(index):
    spellings_of = {}
    for record in read_register():
        spellings_of[record.gss_code] = {normalise(s) for s in record.spellings}
    refused = set()
    for record in read_register():
        for spelling in record.spellings:
            council = index.match(spelling)
            if council is None:
                refused.add(spelling)
            else:
                assert normalise(spelling) in spellings_of[council.gss_code], (spelling, council)
    # Only the deliberately shared spellings are refused.
    assert refused == {"Richmond", "Newcastle"}


def test_ambiguous_text_offers_every_candidate(index):
    assert {c.gss_code for c in index.candidates("Richmond")} == {"E09000027", "E07000166"}
    assert {c.gss_code for c in index.candidates("Newcastle")} == {"E08000021", "E07000195"}
    # Refused because the designation does not fit, but offered for an editor to judge.
    assert [c.gss_code for c in index.candidates("Durham City Council")] == ["E06000047"]
    assert index.candidates("Greater Manchester Combined Authority") == []


def test_a_reorganised_place_resolves_to_the_council_of_the_day(index):
    assert code_of(index.match("Somerset", on=datetime.date(2020, 6, 1))) == "E10000027"
    assert code_of(index.match("Somerset", on=datetime.date(2023, 4, 1))) == "E06000066"
    assert code_of(index.match("North Yorkshire", on=datetime.date(2022, 1, 1))) == "E10000023"
    assert code_of(index.match("Dorset", on=datetime.date(2018, 1, 1))) == "E10000009"
    assert code_of(index.match("Dorset", on=datetime.date(2020, 1, 1))) == "E06000059"
    assert code_of(index.match("Bucks", on=datetime.date(2019, 1, 1))) == "E10000002"
    # A full name is never re-dated.
    assert code_of(index.match("Somerset County Council")) == "E10000027"
    # Different places do not count as one, even if only one still exists.
    assert index.match("Richmond", on=datetime.date(2020, 1, 1)) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Babergh and Mid Suffolk", ["E07000200", "E07000203"]),
        ("Babergh and Mid Suffolk District Councils", ["E07000200", "E07000203"]),
        ("Adur & Worthing Councils", ["E07000223", "E07000229"]),
        ("South Hams and West Devon", ["E07000044", "E07000047"]),
        ("Breckland Council and South Holland District Council", ["E07000143", "E07000140"]),
        ("Hammersmith & Fulham and Kensington & Chelsea", ["E09000013", "E09000020"]),
        (
            "Cheltenham, Cotswold, Forest of Dean and West Oxfordshire",
            ["E07000078", "E07000079", "E07000080", "E07000181"],
        ),
        ("East Suffolk and Ipswich", ["E07000244", "E07000202"]),
        (
            "Westminster City Council and Royal Borough of Kensington and Chelsea",
            ["E09000033", "E09000020"],
        ),
        ("Cornwall and Isles of Scilly", ["E06000052", "E06000053"]),
        ("Kent and Medway", ["E10000016", "E06000035"]),
        ("Derby and Derbyshire", ["E06000015", "E10000007"]),
        ("Brighton and Hove", ["E06000043"]),
        ("Barking and Dagenham", ["E09000002"]),
        ("Richmond and Wandsworth", []),
        ("Nowhere and Cornwall", []),
        ("Greater Manchester Combined Authority", []),
    ],
)
def test_text_naming_several_councils(index, text, expected):
    assert [c.gss_code for c in index.match_all(text)] == expected


def test_module_functions_cost_one_query(index, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert code_of(match_council("London Borough of Hounslow")) == "E09000018"
    with django_assert_num_queries(1):
        assert [c.gss_code for c in match_councils("Babergh and Mid Suffolk")] == [
            "E07000200",
            "E07000203",
        ]
    with django_assert_num_queries(1):
        assert len(council_candidates("Richmond")) == 2


def test_matching_sees_editor_names_and_councils_outside_the_register(index, db):
    cornwall = Council.objects.get(gss_code="E06000052")
    cornwall.name = "Cornwall Council / Konsel Kernow"
    cornwall.save()
    gmca = factories.make_council("Greater Manchester Combined Authority")
    assert match_council("Cornwall Council / Konsel Kernow") == cornwall
    assert match_council("Cornwall Council") == cornwall  # the shipped spellings still apply
    assert match_council("Greater Manchester Combined Authority") == gmca
    assert match_council("GMCA") is None


@pytest.mark.parametrize(
    "text, normalised",
    [
        ("Brighton & Hove City Council", "brighton and hove city council"),
        ("King’s Lynn", "kings lynn"),
        ("Cyngor Sir Ynys Môn", "cyngor sir ynys mon"),
        ("Kingston upon Hull, City of", "city of kingston upon hull"),
        ("St. Helens", "st helens"),
        ("Saint Helens", "st helens"),
        ("  Stockton-on-Tees  ", "stockton on tees"),
    ],
)
def test_normalise(text, normalised):
    assert normalise(text) == normalised
