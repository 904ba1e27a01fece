"""Per-post checks: platform validity, disclosure, blocked terms, prompts, employer links."""

from __future__ import annotations

import pytest

from advocacy_kit import Platform, PlatformOptions
from advocacy_kit.checks import CODES, check_post
from advocacy_kit.checks.terms import find_term
from advocacy_kit.models import BlockedTerm

from .checks_support import DISCLOSURE, codes, make_entry, make_kit, post_findings

LANGUAGES = pytest.mark.parametrize("language", ["de", "en"], ids=["german", "english"])


# --- AK1xx: platform validity ------------------------------------------------------------------


@LANGUAGES
def test_over_long_linkedin_post_says_by_how_much_to_shorten(language: str) -> None:
    kit = make_kit(language)
    findings = post_findings(kit, make_entry(kit, "x" * 3012))
    assert codes(findings) == ["AK101"]
    assert findings[0].severity == "error"
    assert "12" in findings[0].message and "3000" in findings[0].message
    assert ("kürze" if language == "de" else "shorten") in findings[0].message


@LANGUAGES
def test_post_exactly_at_the_limit_is_fine(language: str) -> None:
    kit = make_kit(language)
    assert post_findings(kit, make_entry(kit, "x" * 3000)) == []


@LANGUAGES
def test_thread_part_over_the_limit_names_the_part(language: str) -> None:
    kit = make_kit(language)
    entry = make_entry(kit, "", platform="mastodon", parts=["short", "y" * 520])
    findings = post_findings(kit, entry)
    assert codes(findings) == ["AK101"]
    assert ("Teil 2 von 2" if language == "de" else "part 2 of 2") in findings[0].message


@LANGUAGES
def test_empty_part_is_an_error(language: str) -> None:
    kit = make_kit(language)
    findings = post_findings(kit, make_entry(kit, "", parts=[""]))
    assert codes(findings) == ["AK102"]
    assert findings[0].severity == "error"


class _NoTabs(Platform):
    name = "notabs"
    display_name = "NoTabs"
    limit = 100

    def validate(
        self, text: str, options: PlatformOptions | None = None, *, language: str = "en"
    ) -> list[str]:
        problems = super().validate(text, options, language=language)
        if "\t" in text:
            problems.append("tabs are not allowed; use spaces")
        return problems


@LANGUAGES
@pytest.mark.parametrize(
    ("text", "expected"),
    [("a\tb", ["AK103"]), ("a b", []), ("\t" + "z" * 120, ["AK101", "AK103"])],
    ids=["tab", "no-tab", "tab-and-too-long"],
)
def test_other_platform_problems_are_passed_on_once(
    language: str, text: str, expected: list[str]
) -> None:
    kit = make_kit(language)
    entry = make_entry(kit, text)
    platform = _NoTabs()
    findings = check_post(entry.post, entry.draft, kit, platform, platform.options())
    assert codes(findings) == expected
    if "AK103" in expected:
        assert "tabs are not allowed" in findings[-1].message


@LANGUAGES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#a #b #c", []),
        ("#a #b #c #d", ["AK104"]),
        ("#a #b #c #1 https://x.example/page#anchor", []),
    ],
    ids=["at-cap", "over-cap", "numbers-and-anchors-are-not-tags"],
)
def test_hashtag_cap_from_the_guidelines(language: str, text: str, expected: list[str]) -> None:
    kit = make_kit(language, hashtags={"max_per_post": 3})
    findings = post_findings(kit, make_entry(kit, text))
    assert codes(findings) == expected
    assert all(f.severity == "warning" for f in findings)


# --- AK2xx: disclosure -------------------------------------------------------------------------


@LANGUAGES
def test_promotional_post_with_its_disclosure_is_fine(language: str) -> None:
    kit = make_kit(language, disclosure={"texts": DISCLOSURE})
    entry = make_entry(kit, f"New product.\n\n{DISCLOSURE[language]}", topic="promo")
    assert post_findings(kit, entry) == []


@LANGUAGES
def test_disclosure_matches_across_line_breaks_and_case(language: str) -> None:
    kit = make_kit(language, disclosure={"texts": DISCLOSURE})
    wrapped = DISCLOSURE[language].upper().replace(" ", "\n", 1)
    assert post_findings(kit, make_entry(kit, f"New.\n{wrapped}", topic="promo")) == []


@LANGUAGES
def test_missing_disclosure_says_which_words_to_add(language: str) -> None:
    kit = make_kit(language, disclosure={"texts": DISCLOSURE})
    findings = post_findings(kit, make_entry(kit, "New product.", topic="promo"))
    assert codes(findings) == ["AK201"]
    assert findings[0].severity == "error"
    assert DISCLOSURE[language] in findings[0].message


@LANGUAGES
def test_kit_without_disclosure_text_is_told_where_to_add_one(language: str) -> None:
    kit = make_kit(language)
    findings = post_findings(kit, make_entry(kit, "New product.", topic="promo"))
    assert codes(findings) == ["AK201"]
    assert f"guidelines.disclosure.texts.{language}" in findings[0].message


@LANGUAGES
def test_non_promotional_post_needs_no_disclosure_unless_all_posts_do(language: str) -> None:
    some = make_kit(language, disclosure={"texts": DISCLOSURE})
    every = make_kit(language, disclosure={"texts": DISCLOSURE, "applies_to": "all"})
    assert post_findings(some, make_entry(some, "A tip.")) == []
    assert codes(post_findings(every, make_entry(every, "A tip."))) == ["AK201"]


@LANGUAGES
def test_disclosure_must_be_in_the_first_part_of_a_thread(language: str) -> None:
    kit = make_kit(language, disclosure={"texts": DISCLOSURE})
    late = make_entry(
        kit, "", platform="mastodon", topic="promo", parts=["One", DISCLOSURE[language]]
    )
    early = make_entry(
        kit, "", platform="mastodon", topic="promo", parts=[DISCLOSURE[language], "Two"]
    )
    assert codes(post_findings(kit, late)) == ["AK202"]
    assert post_findings(kit, early) == []


@LANGUAGES
def test_disclosure_in_another_language_asks_for_a_text_in_the_post_language(language: str) -> None:
    other = "en" if language == "de" else "de"
    kit = make_kit(language, disclosure={"texts": {other: DISCLOSURE[other]}})
    findings = post_findings(kit, make_entry(kit, f"New.\n\n{DISCLOSURE[other]}", topic="promo"))
    assert codes(findings) == ["AK203"]
    assert findings[0].severity == "warning"
    assert f"texts.{language}" in findings[0].message


# --- AK3xx: blocked terms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "compounds", "text", "found"),
    [
        ("intern", False, "Our international team", []),
        ("intern", False, "Unsere internationale Messe", []),
        ("intern", False, "This is intern, do not share", ["intern"]),
        ("intern", False, "Nur INTERN verwenden", ["INTERN"]),
        ("intern", False, "ein intern-only Papier", ["intern"]),
        ("Falke", True, "Bald kommt der Falke-Launch", ["Falke-Launch"]),
        ("Falke", True, "Im Projektfalke lernen wir", ["Projektfalke"]),
        ("Falke", True, "PROJEKTFALKE und falke", ["PROJEKTFALKE", "falke"]),
        ("Falke", False, "Im Projektfalke lernen wir", []),
        ("Falke", False, "Bald kommt der Falke-Launch", ["Falke"]),
        ("Project Heron", False, "Ship project-heron soon", ["project-heron"]),
        ("Project Heron", False, "Ship Project\nHeron soon", ["Project\nHeron"]),
        ("Project Heron", False, "Project Heronry", []),
        ("Café Nord", False, "Meet me at CAFE NORD", ["CAFE NORD"]),
        ("Straße", False, "Die Hauptstrasse ist zu", []),
        ("Straße", True, "Die HAUPTSTRASSE ist zu", ["HAUPTSTRASSE"]),
        ("Überflieger", False, "Der uberflieger ist da", ["uberflieger"]),
        ("vertraulich", False, "streng vertraulich!", ["vertraulich"]),
        ("confidential", False, "keep data confidential.", ["confidential"]),
    ],
    ids=[
        "en-whole-word-not-in-international",
        "de-whole-word-not-in-internationale",
        "en-whole-word",
        "de-case-insensitive",
        "en-hyphen-bounds-a-word",
        "de-compound-hyphen",
        "de-compound-inside",
        "de-compound-case-both",
        "de-no-compounds-unless-marked",
        "de-hyphen-without-compounds",
        "en-words-joined-by-hyphen",
        "en-words-across-lines",
        "en-no-partial-last-word",
        "accent-insensitive",
        "de-sharp-s-whole-word",
        "de-sharp-s-compound",
        "de-umlaut-insensitive",
        "de-confidential-marker",
        "en-confidential-marker",
    ],
)
def test_find_term(term: str, compounds: bool, text: str, found: list[str]) -> None:
    assert find_term(text, BlockedTerm(term=term, compounds=compounds)) == found


@LANGUAGES
def test_blocked_term_finding_names_the_reason_and_what_to_do(language: str) -> None:
    kit = make_kit(
        language,
        blocked_terms=[{"term": "Falke", "compounds": True, "reason": "code name"}, "intern"],
    )
    findings = post_findings(kit, make_entry(kit, "Projektfalke startet, international."))
    assert codes(findings) == ["AK301"]
    assert findings[0].severity == "error"
    assert "Projektfalke" in findings[0].message and "code name" in findings[0].message
    assert ("streich" if language == "de" else "remove") in findings[0].message


@LANGUAGES
def test_clean_text_has_no_blocked_term_findings(language: str) -> None:
    kit = make_kit(language, blocked_terms=["intern", "Falke"])
    assert post_findings(kit, make_entry(kit, "International teams and Falken-free hawks.")) == []


# --- AK4xx: prompts ----------------------------------------------------------------------------


@LANGUAGES
def test_prompts_in_a_fresh_draft_are_warnings_one_each(language: str) -> None:
    kit = make_kit(language)
    findings = post_findings(kit, make_entry(kit, "A [[first]] and [[second one]]."))
    assert codes(findings) == ["AK401", "AK401"]
    assert {f.severity for f in findings} == {"warning"}
    assert "first" in findings[0].message and "second one" in findings[1].message


@LANGUAGES
def test_prompts_in_edited_text_are_errors(language: str) -> None:
    kit = make_kit(language)
    findings = post_findings(kit, make_entry(kit, "Mine, but [[your example]]."), edited=True)
    assert codes(findings) == ["AK402"]
    assert findings[0].severity == "error"
    assert ("lösch" if language == "de" else "delete") in findings[0].message


@LANGUAGES
def test_filled_text_and_other_markers(language: str) -> None:
    kit = make_kit(language, settings={"prompt_marker": ["<<", ">>"]})
    assert post_findings(kit, make_entry(kit, "My own words [[not a prompt here]].")) == []
    assert codes(post_findings(kit, make_entry(kit, "<<fill me>>"))) == ["AK401"]


# --- AK7xx: links to the employer --------------------------------------------------------------

TRACKED = {
    "employer_domains": ["acme.example"],
    "tracking_parameters": {"utm_source": "advocacy", "utm_medium": "social"},
}


@LANGUAGES
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Read https://acme.example/blog.", ["AK701"]),
        ("Read https://www.acme.example/blog?x=1 now", ["AK701"]),
        ("Read https://acme.example/blog?utm_source=advocacy", ["AK701"]),
        ("Read https://acme.example/blog?utm_source=advocacy&utm_medium=social.", []),
        ("Read https://other.example/blog and https://notacme.example/", []),
        ("No links at all", []),
    ],
    ids=["bare", "subdomain", "partial", "complete", "other-domains", "none"],
)
def test_employer_links_need_the_tracking_parameters(
    language: str, text: str, expected: list[str]
) -> None:
    kit = make_kit(language, **TRACKED)
    findings = post_findings(kit, make_entry(kit, text))
    assert codes(findings) == expected
    for finding in findings:
        assert finding.severity == "warning"
        assert "utm_source=advocacy&utm_medium=social" in finding.message


@LANGUAGES
def test_suggested_link_keeps_other_parameters(language: str) -> None:
    kit = make_kit(language, **TRACKED)
    [finding] = post_findings(kit, make_entry(kit, "See https://acme.example/a?x=1"))
    assert "https://acme.example/a?x=1&utm_source=advocacy&utm_medium=social" in finding.message


@LANGUAGES
def test_no_tracking_parameters_no_link_findings(language: str) -> None:
    kit = make_kit(language, employer_domains=["acme.example"])
    assert post_findings(kit, make_entry(kit, "See https://acme.example/a")) == []


# --- findings carry their place and a known code ----------------------------------------------


def test_findings_say_where_they_belong() -> None:
    kit = make_kit("en", blocked_terms=["intern"])
    entry = make_entry(kit, "intern", person="bo", platform="mastodon")
    [finding] = post_findings(kit, entry)
    assert (finding.person_id, finding.slot_id, finding.platform, finding.template) == (
        "bo",
        entry.draft.id,
        "mastodon",
        "en/tip.j2",
    )
    assert CODES[finding.code].severity == finding.severity
