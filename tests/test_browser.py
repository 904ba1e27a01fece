"""The HTML page in a real browser: headless Chromium from the system, driven by Playwright.

Chromium comes from Debian's ``chromium`` package (never a browser download). Without it these
tests are skipped with that reason, except in CI (``CI=true``), where they must run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advocacy_kit import Calendar, load_kit, plan_week
from advocacy_kit.exporters.html import HtmlExporter

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        reason = "Chromium is not installed (Debian: apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; the browser tests are mandatory in CI")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A persistent headless Chromium context with a fresh profile and clipboard access."""
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=executable,
            args=LAUNCH_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield context
        context.close()


def _open(browser: Any, calendar: Calendar, folder: Path) -> tuple[Any, list[str]]:
    [path] = HtmlExporter().export(calendar, folder)
    page = browser.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"{m.type}: {m.text}") if m.type in {"error", "warning"} else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, problems


def _visible_drafts(page: Any) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(
        "article.draft", "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.draft)"
    )
    return sorted(ids)


@pytest.mark.parametrize("kit", ["de-kommunikation", "en-engineering"])
def test_page_opens_from_disk_with_every_draft_visible(
    kit: str, browser: Any, tmp_path: Path
) -> None:
    calendar = plan_week(load_kit(EXAMPLES / kit), "2026-W49")
    page, problems = _open(browser, calendar, tmp_path)
    assert _visible_drafts(page) == sorted(entry.draft.id for entry in calendar.entries)
    for entry in calendar.entries:
        card = page.locator(f"#draft-{entry.draft.id}")
        assert card.is_visible()
        assert entry.assignment.topic_title in card.inner_text()
    screenshot = tmp_path / f"{kit}.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    assert problems == []
    page.close()


def test_filters_by_person_and_platform(browser: Any, tmp_path: Path) -> None:
    calendar = plan_week(load_kit(EXAMPLES / "de-kommunikation"), "2026-W49")
    page, problems = _open(browser, calendar, tmp_path)
    person = calendar.entries[0].slot.person_id
    page.select_option("#filter-person", person)
    expected = sorted(e.draft.id for e in calendar.entries_for(person))
    assert _visible_drafts(page) == expected
    assert page.inner_text("#status").startswith(f"{len(expected)} von {len(calendar.entries)}")
    page.select_option("#filter-platform", "mastodon")
    both = sorted(e.draft.id for e in calendar.entries_for(person) if e.slot.platform == "mastodon")
    assert _visible_drafts(page) == both
    page.select_option("#filter-person", "")
    page.select_option("#filter-platform", "")
    assert len(_visible_drafts(page)) == len(calendar.entries)
    assert problems == []
    page.close()


def test_copy_button_puts_the_draft_on_the_clipboard(browser: Any, tmp_path: Path) -> None:
    calendar = plan_week(load_kit(EXAMPLES / "en-engineering"), "2026-W49")
    page, problems = _open(browser, calendar, tmp_path)
    entry = calendar.entries[-1]
    button = page.locator(f"#draft-{entry.draft.id} button.copy").first
    button.click()
    page.wait_for_function("document.querySelector('#status').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == entry.post.parts[0]
    assert button.inner_text() == "Copied"
    assert problems == []
    page.close()


def test_keyboard_reaches_the_skip_link_and_filters(browser: Any, tmp_path: Path) -> None:
    calendar = plan_week(load_kit(EXAMPLES / "en-engineering"), "2026-W49")
    page, problems = _open(browser, calendar, tmp_path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-person"
    page.keyboard.press("ArrowDown")  # a closed <select> changes with the arrow keys
    chosen = page.evaluate("document.activeElement.value")
    assert chosen
    assert _visible_drafts(page) == sorted(e.draft.id for e in calendar.entries_for(chosen))
    assert problems == []
    page.close()


_WORD_LINES = """(word) => {
  const lines = new Set();
  for (const node of document.querySelectorAll('.text')) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const at = text.data.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + word.length);
      for (const rect of range.getClientRects()) lines.add(Math.round(rect.top));
      return lines.size;
    }
  }
  return 0;
}"""


def test_a_hashtag_that_fits_is_not_broken_inside(browser: Any, tmp_path: Path) -> None:
    """Lines break between words; only a word wider than the card may break inside."""
    calendar = plan_week(load_kit(EXAMPLES / "de-kommunikation"), "2026-W49")
    assert "#InterneKommunikation" in "".join(e.post.text for e in calendar.entries)
    page, problems = _open(browser, calendar, tmp_path)
    assert page.evaluate(_WORD_LINES, "#InterneKommunikation") == 1
    assert problems == []
    page.close()
