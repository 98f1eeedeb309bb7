#!/usr/bin/env python3
"""Indexes a folder of news pages and prints the top hits for a query, with
the `byline` Python module (python3-byline, or PYTHONPATH=build/python).

  search.py INDEX_DIR PAGES_DIR QUERY...
"""
import sys

import byline


def main(argv):
    if len(argv) < 4:
        print("usage: search.py INDEX_DIR PAGES_DIR QUERY...", file=sys.stderr)
        return 2
    index_dir, pages_dir, query = argv[1], argv[2], " ".join(argv[3:])
    try:
        with byline.Index(index_dir) as index:  # the lock is released at the end of the block
            summary = index.add(pages_dir)
        for error in summary.errors:
            print(f"skipped: {error}", file=sys.stderr)
        print(f"indexed {summary.articles} articles, {summary.comments} comments")

        searcher = byline.Searcher(index_dir)
        results = searcher.search(query, limit=5, facets=["type"])
        print(f"{results.total} matches for '{query}' ({dict(results.facets['type'])})")
        for hit in results:
            author = f" ({hit.author})" if hit.author else ""
            print(f"{hit.rank}. [{hit.type}] {hit.title}{author}\n   {hit.snippet}")
    except byline.BadQuery as e:
        print(f"bad query: {e}", file=sys.stderr)
        return 2
    except byline.Error as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
