"""Built-in platforms: counting, options, formatting, threads, disclosure, validation messages."""

from __future__ import annotations

import json
from typing import Any

import pytest

from advocacy_kit.errors import UsageError
from advocacy_kit.platforms.linkedin import api_text, escape_little_text
from advocacy_kit.plugins import get_platform

DISCLOSURE = "Ich arbeite bei Acme."
GERMAN_DRAFT = (
    (
        "Interne Kommunikation ist mehr als ein Newsletter. "
        "Wer Kolleginnen und Kollegen erreichen will, muss zuhören, bevor er sendet. "
        "In unserem Team haben wir drei Dinge gelernt: Erstens braucht jede Nachricht einen klaren Absender. "
        "Zweitens sind kurze Wege wichtiger als glänzende Formate. "
        "Drittens entsteht Vertrauen dort, wo Fragen offen gestellt werden dürfen. "
    )
    * 12
    + "\n\nMehr dazu: https://example.com/blog/interne-kommunikation\n\n#InterneKommunikation #Führung"
)


def test_every_builtin_platform_is_registered() -> None:
    for name in ("x", "mastodon", "bluesky", "linkedin", "threads", "instagram", "facebook"):
        assert get_platform(name).name == name


@pytest.mark.parametrize(
    ("platform", "text", "length"),
    [
        pytest.param("x", "Hello, world! 👋", 16, id="x-hello"),
        pytest.param("x", "🐦‍⬛", 2, id="x-black-bird"),
        pytest.param("x", "Schau: example.com", 30, id="x-bare-domain-23"),
        pytest.param(
            "mastodon", "Lies https://example.com/a/very/long/path/indeed", 28, id="mastodon-url"
        ),
        pytest.param("mastodon", "Hallo @ada@chaos.social!", 11, id="mastodon-remote-mention"),
        pytest.param("mastodon", "👨‍👩‍👧 ok", 4, id="mastodon-graphemes"),
        pytest.param("bluesky", "👨‍👩‍👧 ok", 4, id="bluesky-graphemes"),
        pytest.param("linkedin", "Grüße 👋", 7, id="linkedin-code-points"),
    ],
)
def test_count(platform: str, text: str, length: int) -> None:
    assert get_platform(platform).count(text).length == length


def test_x_details_have_ranges_and_permillage() -> None:
    details = get_platform("x").count("Hello, world! 👋").details
    assert details == {
        "weighted_length": 16,
        "permillage": 57,
        "valid_range": [0, 15],
        "display_range": [0, 15],
    }


def test_bluesky_needs_both_grapheme_and_byte_limits() -> None:
    bluesky = get_platform("bluesky")
    heavy = "𒐫" * 290  # 290 graphemes, 4 bytes each
    measured = bluesky.count(heavy)
    assert (measured.length, measured.details["bytes"], measured.valid) == (290, 1160, True)
    options = bluesky.options({"max_bytes": 1000})
    assert not bluesky.count(heavy, options).valid
    assert any("160 bytes over" in p for p in bluesky.validate(heavy, options))


@pytest.mark.parametrize(
    ("platform", "raw", "field"),
    [
        pytest.param("mastodon", {"max_characters": 0}, "max_characters", id="mastodon-limit"),
        pytest.param("instagram", {"max_hashtags": 31}, "max_hashtags", id="instagram-cap"),
        pytest.param("x", {"colour": "blue"}, "colour", id="unknown-option"),
    ],
)
def test_bad_options_name_the_field(platform: str, raw: dict[str, Any], field: str) -> None:
    with pytest.raises(UsageError, match=field):
        get_platform(platform).options(raw)


def test_mastodon_instance_limits_apply() -> None:
    mastodon = get_platform("mastodon")
    options = mastodon.options({"max_characters": 1000, "characters_reserved_per_url": 30})
    assert mastodon.limit_for(options) == 1000
    assert mastodon.count("https://example.com", options).length == 30


def test_long_german_draft_becomes_a_valid_x_thread_with_disclosure_first() -> None:
    x = get_platform("x")
    options = x.options()
    text = f"{GERMAN_DRAFT}\n\n{DISCLOSURE}"  # the kit puts the disclosure at the end
    parts = x.format(text, options, disclosure=DISCLOSURE, language="de")
    assert len(parts) > 1
    assert parts[0].startswith(DISCLOSURE)
    assert sum(part.count(DISCLOSURE) for part in parts) == 1
    assert all(x.validate(part, options) == [] for part in parts)
    assert all(part.endswith(f"{i}/{len(parts)}") for i, part in enumerate(parts, 1))
    assert "https://example.com/blog/interne-kommunikation" in "\n".join(parts)


def test_short_draft_keeps_the_kits_disclosure_position() -> None:
    text = f"Kurz und gut.\n\n{DISCLOSURE}"
    assert get_platform("x").format(text, disclosure=DISCLOSURE) == [text]


def test_linkedin_overflow_is_an_error_stating_by_how_much() -> None:
    linkedin = get_platform("linkedin")
    text = f"{GERMAN_DRAFT}\n\n{DISCLOSURE}"
    parts = linkedin.format(text, linkedin.options(), disclosure=DISCLOSURE, language="de")
    assert parts == [text.strip()]
    over = len(text) - 3000
    assert over > 0
    assert linkedin.validate(parts[0], language="de") == [
        f"{over} Zeichen über dem LinkedIn-Limit von 3000 ({len(text)}/3000); "
        f"kürze um mindestens {over}"
    ]
    assert linkedin.validate(parts[0])[0].startswith(f"{over} characters over the LinkedIn limit")


def test_linkedin_api_form_escapes_little_text_in_one_pass() -> None:
    assert escape_little_text(r"a\b (c) [d] <e> {f} |g| *h* _i_ ~j~ @k #l") == (
        r"a\\b \(c\) \[d\] \<e\> \{f\} \|g\| \*h\* \_i\_ \~j\~ \@k \#l"
    )
    assert api_text("Neu: #Open_Source (Test)") == r"Neu: {hashtag|\#|Open\_Source} \(Test\)"


def test_linkedin_copy_text_is_not_escaped() -> None:
    assert get_platform("linkedin").format("Fragen (und Antworten) #Kommunikation") == [
        "Fragen (und Antworten) #Kommunikation"
    ]


def test_threads_keeps_one_topic_tag_and_counts_links() -> None:
    threads = get_platform("threads")
    [text] = threads.format("Ein Gedanke zu #Führung heute.\n\n#Kommunikation #Team")
    assert text == "Ein Gedanke zu #Führung heute."
    links = " ".join(f"https://example{i}.com" for i in range(6))
    problems = threads.validate(links)
    assert any("6 different links" in p and "at most 5" in p for p in problems)


def test_instagram_caps_hashtags_and_replaces_links() -> None:
    instagram = get_platform("instagram")
    tags = " ".join(f"#tag{i}" for i in range(8))
    [caption] = instagram.format(f"Neuer Artikel: https://example.com/a\n\n{tags}", language="de")
    assert caption == "Neuer Artikel: (Link in der Bio)\n\n#tag0 #tag1 #tag2 #tag3 #tag4"
    options = instagram.options({"max_hashtags": 2})
    [capped] = instagram.format(tags, options)
    assert capped == "#tag0 #tag1"
    assert any("remove 6" in p for p in instagram.validate(tags, options))


def test_mastodon_writes_hashtags_in_camel_case() -> None:
    [text] = get_platform("mastodon").format("Gute Nachrichten #open_source")
    assert text == "Gute Nachrichten #OpenSource"


def test_facebook_has_a_long_limit_and_no_threads() -> None:
    facebook = get_platform("facebook")
    assert facebook.limit_for() == 63206
    assert not facebook.supports_threads
    assert facebook.format("a " * 40000) == [("a " * 40000).strip()]


def test_empty_post_is_not_valid() -> None:
    assert get_platform("x").validate("") == ["the post is empty; write something before posting"]


def test_x_rejects_invalid_characters() -> None:
    problems = get_platform("x").validate("Hallo\ufffe")
    assert any("U+FFFE" in p for p in problems)


def test_count_command_json_for_x(run_cli: Any) -> None:
    result = run_cli("count", "--platform", "x", "--json", "Hello, world! 👋")
    data = json.loads(result.output)
    assert data["weighted_length"] == 16
    assert {
        "platform",
        "length",
        "limit",
        "valid",
        "permillage",
        "valid_range",
        "display_range",
    } <= set(data)


def test_count_command_bluesky_facets(run_cli: Any) -> None:
    result = run_cli("count", "--platform", "bluesky", "--json", "Lies example.com #Kommunikation")
    data = json.loads(result.output)
    assert data["bytes"] == 31
    assert data["facets"][0] == {
        "index": {"byteStart": 5, "byteEnd": 16},
        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.com"}],
    }


def test_count_command_reads_stdin_and_jsonl(run_cli: Any) -> None:
    result = run_cli("count", "--platform", "x", "-", input="🐦‍⬛\n")
    assert result.output.startswith("x: 2/280 weighted characters — valid")
    lines = run_cli("count", "--platform", "x", "--jsonl", input='"eins"\n"🐦‍⬛"\n').output
    assert [json.loads(line)["length"] for line in lines.splitlines()] == [4, 2]


def test_count_command_rejects_non_string_jsonl(run_cli: Any) -> None:
    result = run_cli("count", "--platform", "x", "--jsonl", input="42\n")
    assert result.exit_code == 2
    assert "line 1: expected a JSON string" in result.output


def test_platforms_command_lists_limits_and_counting(run_cli: Any) -> None:
    output = run_cli("platforms").output
    assert "x: X, 280 weighted characters" in output
    assert "bluesky: Bluesky, 300 graphemes" in output


@pytest.mark.parametrize(
    ("over", "language", "words"),
    [
        (1, "en", "1 weighted character over"),
        (2, "en", "2 weighted characters over"),
        (1, "de", "1 gewichtetes Zeichen über"),
    ],
    ids=["one-en", "two-en", "one-de"],
)
def test_overflow_says_singular_and_plural_right(over: int, language: str, words: str) -> None:
    from advocacy_kit.plugins import get_platform

    [problem] = get_platform("x").validate("a" * (280 + over), language=language)
    assert problem.startswith(words)
