#!/usr/bin/env python3
"""Builds the real-news inputs of docs/PERFORMANCE.md from a folder of articles.

    scripts/news_input.py DIR OUT           # 10 MB: the articles again and again
    scripts/news_input.py DIR OUT --once    # every article once (the joined file)

DIR holds the articles as `.txt` files, e.g. PolNeAR's `polnear-train/text`. They are
taken in name order, each followed by a blank line (its own trailing newlines dropped);
without --once, again and again until --bytes (10,000,000 by default), cut after the
last whole line that fits. This is the input the criterion group `detect_news` builds
from PARLEY_BENCH_NEWS (benches/detect.rs), byte for byte.

The articles belong to their publishers: the output is for measuring on this machine
and never goes into the repository.
"""

import argparse
import pathlib
import sys


def articles(folder: pathlib.Path) -> list[bytes]:
    paths = sorted(p for p in folder.iterdir() if p.suffix == ".txt" and p.is_file())
    texts = [p.read_bytes().rstrip(b"\n") + b"\n\n" for p in paths]
    if not any(t.strip() for t in texts):
        sys.exit(f"{folder}: no .txt article with any text")
    return texts


def repeated(texts: list[bytes], limit: int) -> bytes:
    out = bytearray()
    while True:
        for t in texts:
            if len(out) + len(t) > limit:
                # (t ends with a newline: the last piece of the split is empty)
                for line in (piece + b"\n" for piece in t.split(b"\n")[:-1]):
                    if len(out) + len(line) > limit:
                        return bytes(out)
                    out += line
                return bytes(out)
            out += t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=pathlib.Path, help="a folder of .txt articles")
    ap.add_argument("out", type=pathlib.Path, help="the file to write")
    ap.add_argument("--once", action="store_true", help="every article once, no cut")
    ap.add_argument("--bytes", type=int, default=10_000_000, help="size to cut at")
    args = ap.parse_args()
    texts = articles(args.dir)
    data = b"".join(texts) if args.once else repeated(texts, args.bytes)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data)} bytes from {len(texts)} articles")


if __name__ == "__main__":
    main()
