"""The council register: the data shipped with the package, loading it, and matching names to it.

- :mod:`.data` reads ``data/councils.csv`` (derived from ONS data, Open Government Licence v3.0).
- :mod:`.register` loads it into the ``Council`` snippet (``casestudies_load_councils``).
- :mod:`.matching` resolves a council as people write it to register entries.
"""

from .data import LICENCE_CREDIT, CouncilRecord, RegisterDataError, read_register
from .matching import CouncilIndex, council_candidates, match_council, match_councils, normalise
from .register import LoadReport, load_councils, successors_of

__all__ = [
    "LICENCE_CREDIT",
    "CouncilIndex",
    "CouncilRecord",
    "LoadReport",
    "RegisterDataError",
    "council_candidates",
    "load_councils",
    "match_council",
    "match_councils",
    "normalise",
    "read_register",
    "successors_of",
]
