"""The card cache (``models.CaseStudyCard``): one ready listing card per visible case study.

- ``build.py`` makes a card (and its row's filter columns) from a case study;
- ``sync.py`` keeps the table equal to the visible case studies as content changes, in the
  writer's transaction (the signal handlers call it), and rebuilds it on demand;
- ``counts.py`` keeps each site's counts (``models.CaseStudyCardCounts``) exact on every change;
- ``serve.py`` finishes stored cards for one request. Serving never writes: a card of another
  format is built in memory and served, and ``casestudies_rebuild_cards`` (or the next
  ``migrate``) stores it.
"""
