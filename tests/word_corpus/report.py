"""Print the corpus figures by style and path:

    .venvs/newest/bin/python -m tests.word_corpus.report [--details] [--path raw_body ...]
        [--only NAME ...] [--save FOLDER]

It sets Django up from tests.settings on a throwaway test database (SQLite in memory unless
DATABASE_URL says otherwise), builds the corpus from the templates the site serves, sends every
document through the chosen paths and prints the table (and, with --details, every paragraph that
was not placed right). --save writes the documents to a folder to open them in Word."""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--path", action="append", choices=("raw_body", "form_upload", "import"))
    parser.add_argument("--only", action="append", help="document names (or style names)")
    parser.add_argument("--save", help="write the documents to this folder and stop")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        from tests.word_corpus import build_corpus
        from tests.word_corpus.figures import details, table
        from tests.word_corpus.measure import (
            PATHS,
            _outcomes,
            create_councils,
            create_pages,
            create_topics,
            download_templates,
            measure,
        )

        create_topics()
        corpus = build_corpus(*download_templates())
        if args.save:
            os.makedirs(args.save, exist_ok=True)
            for document in corpus:
                with open(os.path.join(args.save, f"{document.name}.docx"), "wb") as file:
                    file.write(document.content)
            print(f"{len(corpus)} documents written to {args.save}")
            return 0
        create_councils(corpus)
        create_pages()
        if args.only:
            corpus = [d for d in corpus if d.name in args.only or d.style in args.only]
        started = time.monotonic()
        for document in corpus:
            for path in args.path or PATHS:
                measure(document, path)
        print(table(corpus, _outcomes))
        print(f"({time.monotonic() - started:.1f} s)")
        if args.details:
            print()
            print(details(corpus, _outcomes))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    return 0


if __name__ == "__main__":
    sys.exit(main())
