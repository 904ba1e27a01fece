"""X counting: advocacy-kit against the PyPI package twitter-text-parser on a fixed corpus.

Run with the ``bench`` extra installed (it brings twitter-text-parser and a setuptools that still
ships ``pkg_resources``)::

    pip install -e '.[bench]'
    python benchmarks/x_counting.py

It prints how many results agree, lists every disagreement with the reason when it is one of the
package's known deviations (``\\r\\n`` counted as 1, its 2019 emoji table), and the time per post
of each implementation. The target is at least 10× faster with identical results wherever the
package is right. Timing lives here, never in the test suite.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable

from advocacy_kit.text import weighted_length
from advocacy_kit.text.emoji import emoji_spans

FRAGMENTS = [
    "Interne Kommunikation ist mehr als ein Newsletter.",
    "Wer zuhört, bevor er sendet, gewinnt Vertrauen.",
    "Lessons learned from three years of on-call:",
    "Mehr dazu: https://example.com/blog/interne-kommunikation?utm_source=x",
    "see example.org/docs and t.co/abc123",
    "故人西辞黄鹤楼，烟花三月下扬州。",
    "Grüße aus Köln! 👋🏽",
    "Family time 👨‍👩‍👧‍👦 and flags 🇩🇪🇪🇺",
    "#InterneKommunikation #Führung @acme_news",
    "Price: $ACME up 3% — “quotes” ‘and’ dashes…",
    "Windows line\r\nbreak here",
    "new emoji 🐦‍⬛ 🫎 🧑‍🧑‍🧒",
    "http://あいうえお.com/パス and https://www.wikipedia.org/wiki/Primer_(film)",
]


def corpus(size: int = 400, seed: int = 20261201) -> list[str]:
    """Posts of 1–12 fragments joined by spaces or newlines, the same on every run."""
    rng = random.Random(seed)
    return [
        rng.choice([" ", "\n", "\n\n"]).join(rng.choices(FRAGMENTS, k=rng.randint(1, 12)))
        for _ in range(size)
    ]


def known_deviation(text: str) -> str | None:
    """Why twitter-text-parser is expected to differ on ``text``, if it is."""
    if "\r\n" in text:
        return "counts \\r\\n as 1"
    if emoji_spans(text) and any(sequence in text for sequence in ("🐦‍⬛", "🫎", "🧑‍🧑‍🧒")):
        return "2019 emoji table"
    return None


def time_per_post(count: Callable[[str], object], texts: list[str], rounds: int = 5) -> float:
    """Median seconds per post over several rounds."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            count(text)
        timings.append((time.perf_counter() - start) / len(texts))
    return statistics.median(timings)


def main() -> int:
    try:
        from twitter_text import parse_tweet
    except ImportError as error:
        print(f"twitter-text-parser is missing ({error}); pip install -e '.[bench]'")
        return 2
    texts = corpus()
    agree, explained, unexplained = 0, 0, []
    for text in texts:
        ours, theirs = weighted_length(text), parse_tweet(text)
        same = (ours.weighted_length, ours.valid, ours.permillage, ours.valid_range[1]) == (
            theirs.weightedLength,
            theirs.valid,
            theirs.permillage,
            theirs.validRangeEnd,
        )
        if same:
            agree += 1
        elif known_deviation(text):
            explained += 1
        else:
            unexplained.append((text, ours, theirs))
    weighted_length(texts[0])  # warm the lazily built tables before timing
    ours_time = time_per_post(weighted_length, texts)
    theirs_time = time_per_post(parse_tweet, texts, rounds=3)
    mean_length = statistics.mean(len(t) for t in texts)
    print(f"corpus: {len(texts)} posts, {mean_length:.0f} characters on average")
    print(f"identical results: {agree}; known deviations of the package: {explained}")
    print(f"unexplained differences: {len(unexplained)}")
    for text, ours, theirs in unexplained[:5]:
        print(f"  {text!r}\n    advocacy-kit {ours}\n    package      {theirs}")
    print(f"advocacy-kit:        {ours_time * 1e6:8.1f} µs per post")
    print(f"twitter-text-parser: {theirs_time * 1e6:8.1f} µs per post")
    print(f"speed-up: {theirs_time / ours_time:.1f}× (target ≥ 10×)")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
