"""The corpus figures by style and path, as a plain-text table for the closing note."""

from __future__ import annotations

from collections import defaultdict

from tests.word_corpus.measure import PATHS, Outcome
from tests.word_corpus.model import SECTIONS, CorpusDocument, normalise

BODY = (*SECTIONS, "unplaced", "other")


def fields_ok(document: CorpusDocument, outcome: Outcome) -> dict[str, bool]:
    expected = document.expected
    summary = normalise(outcome.summary)
    body = [normalise(text) for place, text in outcome.found.items() if place in BODY]
    return {
        "councils": outcome.councils == expected.councils,
        "topics": sorted(outcome.topics) == sorted(expected.topics),
        # Lines under the title are fields: not the summary, and not a section's text either.
        "metadata": not any(
            normalise(line) and normalise(line) in text
            for line in expected.metadata
            for text in (summary, *body)
        ),
        "partners": sorted(outcome.partners) == sorted(expected.partners),
        "consent": bool(outcome.consent_publish_contact) == expected.consent_publish_contact,
        "leaks": not outcome.leaks,
    }


def table(corpus: list[CorpusDocument], outcomes: dict[tuple[str, str], Outcome]) -> str:
    """Per path, one row per style (and the total): documents stored, paragraphs placed right,
    documents with 90% or more placed right, and councils and topics as expected."""
    styles = sorted({d.style for d in corpus}, key=[d.style for d in corpus].index)
    lines = []
    for path in PATHS:
        if not any((d.name, path) in outcomes for d in corpus):
            continue
        lines.append(f"{path}")
        lines.append(
            f"  {'style':<15}{'docs':>5}{'stored':>8}{'placed right':>20}{'docs >=90%':>12}"
            f"{'councils':>10}{'topics':>8}{'leaks':>7}"
        )
        for style in [*styles, "ALL"]:
            results = [
                (d, outcomes[(d.name, path)])
                for d in corpus
                if style in ("ALL", d.style) and (d.name, path) in outcomes
            ]
            stored = sum(o.stored for _d, o in results)
            right = sum(o.right for _d, o in results)
            total = sum(len(d.expected.items) for d, _o in results)
            good = sum(o.stored and o.ratio >= 0.9 for _d, o in results)
            checks = [fields_ok(d, o) for d, o in results if o.stored]
            councils = sum(c["councils"] for c in checks)
            topics = sum(c["topics"] for c in checks)
            leaky = sum(not c["leaks"] for c in checks)
            percent = 100 * right / total if total else 0.0
            placed = f"{right}/{total} {percent:5.1f}%"
            lines.append(
                f"  {style:<15}{len(results):>5}{f'{stored}/{len(results)}':>8}{placed:>20}"
                f"{f'{good}/{len(results)}':>12}{f'{councils}/{len(checks)}':>10}"
                f"{f'{topics}/{len(checks)}':>8}{leaky:>7}"
            )
        lines.append("")
    languages = defaultdict(int)
    for document in corpus:
        languages[document.language] += 1
    lines.append(
        f"{len(corpus)} documents; languages: "
        + ", ".join(f"{k} {v}" for k, v in sorted(languages.items()))
    )
    return "\n".join(lines)


def details(corpus: list[CorpusDocument], outcomes: dict[tuple[str, str], Outcome]) -> str:
    """What went wrong, document by document."""
    lines = []
    for document in corpus:
        for path in PATHS:
            outcome = outcomes.get((document.name, path))
            if outcome is None:
                continue
            problems = []
            if not outcome.stored:
                problems.append(f"not stored: {outcome.detail[:160]}")
            else:
                checks = fields_ok(document, outcome)
                for name, ok in checks.items():
                    if not ok:
                        wanted = {
                            "councils": (document.expected.councils, outcome.councils),
                            "topics": (document.expected.topics, outcome.topics),
                            "partners": (document.expected.partners, outcome.partners),
                            "consent": (
                                document.expected.consent_publish_contact,
                                outcome.consent_publish_contact,
                            ),
                            "leaks": ([], [t[:50] for t in outcome.leaks]),
                            "metadata": (document.expected.metadata, outcome.summary[:80]),
                        }[name]
                        problems.append(f"{name}: expected {wanted[0]!r}, got {wanted[1]!r}")
                problems += [str(m) for m in outcome.misplaced]
            if problems:
                lines.append(
                    f"{document.name} [{document.style}] {path}: {outcome.right}/{outcome.total}"
                )
                lines += [f"    {p}" for p in problems]
    return "\n".join(lines)
