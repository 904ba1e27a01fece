"""Kit files → a validated :class:`~advocacy_kit.models.Kit`, or every problem with its place.

YAML is read with ruamel.yaml in YAML 1.2 mode, where ``19:30`` stays a string and ``no`` stays
``no`` (YAML 1.1 readers turn them into 1170 and ``False``). The round-trip loader keeps the
line and column of every key and value, so each pydantic error can be pinned to
``path:line:column`` in whichever file the value came from.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from operator import attrgetter
from pathlib import Path, PosixPath
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from .errors import KitError, Problem, UsageError
from .gc_tuning import fewer_collections
from .i18n import language_from_environment, language_in_text, language_of_data, say
from .kit_problems import Loc, Place, field_name, place_of, placed_references, problems_from
from .models import Kit
from .references import reference_problems

__all__ = ["KIT_FILE", "SPLIT_SECTIONS", "load_kit"]

KIT_FILE = "kit.yaml"
SPLIT_SECTIONS = ("people", "topics", "campaigns")
"""Sections a folder kit may keep in sub-folders of YAML files, one entry or a list per file."""


class _KitConstructor(RoundTripConstructor):
    """Dates stay text here: pydantic reads them, so ``2026-13-01`` is reported at its place."""


_KitConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


def _kit_language(data: Any) -> str:
    """The language of a kit's problems: ``organization.language``, else the environment's."""
    return language_of_data(data) or language_from_environment()


def _read_yaml(path: Path, language: str | None = None) -> Any:
    """Parse one YAML file; problems are told in ``language`` (None: read from the file)."""
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    yaml.Constructor = _KitConstructor
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.load(stream)
    except MarkedYAMLError as error:
        lang = language or language_in_text(path) or language_from_environment()
        mark = error.problem_mark or error.context_mark
        message = " ".join(str(p) for p in (error.context, error.problem) if p)
        opened = error.context_mark
        if opened is not None and mark is not None and opened.line != mark.line:
            message += say("yaml_syntax.starts", lang, line=opened.line + 1)
        raise KitError(
            [
                Problem(
                    message=say("yaml_syntax", lang, detail=message),
                    path=path,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    hint=say("yaml_syntax.hint", lang),
                )
            ],
            lang,
        ) from None
    except UnicodeDecodeError:
        lang = language or language_from_environment()
        problem = Problem(say("not_utf8", lang), path=path, hint=say("not_utf8.hint", lang))
        raise KitError([problem], lang) from None


def _walk(node: Any, loc: Loc, path: Path, places: dict[Loc, Place]) -> Any:
    """Plain Python data from ruamel's nodes, recording where each key and item stands."""
    if isinstance(node, CommentedMap):
        plain = {}
        for key in node:
            line, column = node.lc.value(key) if node[key] is not None else node.lc.key(key)
            places[(*loc, key)] = (path, line + 1, column + 1)
            key_line, key_column = node.lc.key(key)
            places[(*loc, key, "<key>")] = (path, key_line + 1, key_column + 1)
            plain[str(key)] = _walk(node[key], (*loc, key), path, places)
        return plain
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            line, column = node.lc.item(index)
            places[(*loc, index)] = (path, line + 1, column + 1)
            items.append(_walk(item, (*loc, index), path, places))
        return items
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _kit_file(path: Path) -> tuple[Path, Path]:
    lang = language_from_environment()  # there is no kit to read a language from
    if path.is_dir():
        kit_file = path / KIT_FILE
        if not kit_file.is_file():
            raise KitError(
                [
                    Problem(
                        message=say("no_kit_file", lang, name=KIT_FILE),
                        path=path,
                        hint=say("no_kit_file.hint", lang, name=KIT_FILE),
                    )
                ],
                lang,
            )
        return path, kit_file
    if path.is_file():
        return path.parent, path
    problem = Problem(say("no_such_path", lang), path=path, hint=say("no_such_path.hint", lang))
    raise KitError([problem], lang)


def _split_files(folder: Path, section: str) -> Iterator[Path]:
    sub = folder / section
    if sub.is_dir():
        files = (p for p in sub.iterdir() if p.suffix in {".yaml", ".yml"})
        # Paths of one folder compare as their names where names are case-sensitive (POSIX);
        # comparing the names is three times cheaper for a folder of 10,000 people.
        yield from sorted(files, key=_NAME) if isinstance(sub, PosixPath) else sorted(files)


_NAME = attrgetter("name")


def read_kit_data(path: Path) -> tuple[dict[str, Any], dict[Loc, Place], Path, Path]:
    """The kit's merged raw data, the place of every value, the kit folder and its main file."""
    folder, kit_file = _kit_file(path)
    places: dict[Loc, Place] = {}
    raw = _read_yaml(kit_file)
    if raw is None:
        raw = CommentedMap()
    if not isinstance(raw, CommentedMap):
        lang = language_in_text(kit_file) or language_from_environment()
        raise KitError(
            [
                Problem(
                    message=say("not_mapping", lang),
                    path=kit_file,
                    line=1,
                    column=1,
                    hint=say("not_mapping.hint", lang),
                )
            ],
            lang,
        )
    data: dict[str, Any] = _walk(raw, (), kit_file, places)
    language = _kit_language(data)
    problems: list[Problem] = []
    for section in SPLIT_SECTIONS:
        for file in _split_files(folder, section):
            try:
                node = _read_yaml(file, language)
            except KitError as error:
                problems.extend(error.problems)
                continue
            entries = node if isinstance(node, CommentedSeq) else [node]
            target = data.setdefault(section, [])
            if not isinstance(target, list):
                continue  # the type error is reported by validation
            for offset, entry in enumerate(entries):
                if entry is None:
                    continue
                index = len(target)
                if isinstance(node, CommentedSeq):
                    line, column = node.lc.item(offset)
                    places[(section, index)] = (file, line + 1, column + 1)
                else:
                    places[(section, index)] = (file, 1, 1)
                target.append(_walk(entry, (section, index), file, places))
    if problems:
        raise KitError(problems, language)
    return data, places, folder, kit_file


def _fast_kit_data(path: Path) -> tuple[dict[str, Any], Path, Path] | None:
    """What :func:`read_kit_data` gives (without places), read fast; None when in doubt."""
    from .fast_yaml import Unsure, read_plain_yaml

    try:
        folder, kit_file = _kit_file(path)
        data = read_plain_yaml(kit_file)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            return None
        warm_up = _warm_up(data)
        for section in SPLIT_SECTIONS:
            for node in _read_all(list(_split_files(folder, section)), warm_up):
                warm_up = None  # done beside the first section read in two processes
                target = data.setdefault(section, [])
                if not isinstance(target, list):
                    continue
                entries = node if isinstance(node, list) else [node]
                target.extend(entry for entry in entries if entry is not None)
    except (Unsure, KitError):
        return None
    return data, folder, kit_file


def _read_all(files: list[Path], warm_up: Callable[[], object] | None = None) -> list[Any]:
    """``[read_plain_yaml(file) for file in files]``; for thousands of files, in two processes.

    Each file is read on its own, so halves give the same values in the same order; the worker
    sends back plain values. An Unsure in the worker makes this process read the rest itself,
    so it is raised here as it would be in one process. ``warm_up`` is done here while the
    worker reads (which then reads more of the files).
    """
    from .fast_yaml import read_plain_yaml
    from .parallel import SHARE, map_in_halves

    first = None
    if warm_up is not None:
        first = max(1, len(files) * SHARE // 100 - _WARM_UP_FILES)
    return map_in_halves(
        files, read_plain_yaml, pack=_same, unpack=_packed, first=first, meanwhile=warm_up
    )


_WARM_UP_FILES = 1500
"""About as many person files as :func:`_warm_up`'s imports take time to read (some 90 ms)."""


def _warm_up(data: dict[str, Any]) -> Callable[[], object] | None:
    """What validating the kit will import first, if it is not imported yet; else None.

    Loading the plugins (for the accounts' platforms) and the ``holidays`` package with its
    list of countries (for ``holiday_region``) take about 0.1 s on one core; done while a
    worker reads the people's files, they cost nothing. Any error is left to the place where
    the kit is checked, which raises it as before.
    """
    from .plugins import get_platforms, platforms_loaded

    organization = data.get("organization")
    region = organization.get("holiday_region") if isinstance(organization, dict) else None
    needs_holidays = isinstance(region, str) and "holidays" not in sys.modules
    if not needs_holidays and platforms_loaded():
        return None

    def warm_up() -> None:
        with contextlib.suppress(Exception):
            get_platforms()
        if needs_holidays:
            from .public_holidays import check_region

            with contextlib.suppress(Exception):
                check_region(str(region))

    return warm_up


def _same(value: Any) -> Any:
    return value


def _packed(file: Path, value: Any) -> Any:
    return value


@fewer_collections
def load_kit(path: str | Path) -> Kit:
    """Load a kit from a ``kit.yaml`` file or a kit folder; raise :class:`KitError` with every problem."""
    # Most kits are valid: read them fast, and read again with every value's place only when
    # something needs reporting, so messages stay exactly the same.
    fast = _fast_kit_data(Path(path))
    if fast is not None:
        data, folder, kit_file = fast
        try:
            kit = Kit.model_validate(data)
        except ValidationError:
            pass
        else:
            if not _raw_platform_problems(data, {}, kit_file):
                kit._folder = folder
                return kit
    data, places, folder, kit_file = read_kit_data(Path(path))
    language = _kit_language(data)
    try:
        kit = Kit.model_validate(data)
    except ValidationError as error:
        problems = problems_from(error, places, kit_file, language)
        if not any(item["type"] == "references" for item in error.errors()):
            # Field errors stop pydantic before the cross-reference check: run it on the raw data
            # so a kit with several kinds of mistakes shows all of them in one go.
            problems += placed_references(reference_problems(data), (), places, kit_file, language)
        problems += _raw_platform_problems(data, places, kit_file, language)
        raise KitError(problems, language) from None
    problems = _raw_platform_problems(data, places, kit_file, language)
    if problems:
        raise KitError(problems, language)
    kit._folder = folder
    return kit


def _raw_platform_problems(
    data: dict[str, Any], places: dict[Loc, Place], kit_file: Path, language: str = "en"
) -> list[Problem]:
    """Accounts on platforms no plugin provides, and options the platform does not accept."""
    from .plugins import get_platforms

    platforms = get_platforms()
    problems = []
    people = data.get("people")
    for index, person in enumerate(people if isinstance(people, list) else []):
        accounts = person.get("accounts") if isinstance(person, dict) else None
        for name, account in (accounts or {}).items() if isinstance(accounts, dict) else ():
            loc: Loc = ("people", index, "accounts", name)
            if name not in platforms:
                path, line, column = place_of((*loc, "<key>"), places, kit_file)
                problems.append(
                    Problem(
                        say("unknown_platform", language, name=name),
                        field_name(loc),
                        path,
                        line,
                        column,
                        say("unknown_platform.hint", language, known=", ".join(sorted(platforms))),
                    )
                )
                continue
            options = account.get("options") if isinstance(account, dict) else None
            if not isinstance(options, dict):
                continue
            try:
                platforms[name].options(options, language=language)
            except UsageError as error:
                path, line, column = place_of((*loc, "options"), places, kit_file)
                problems.append(
                    Problem(
                        str(error),
                        field_name((*loc, "options")),
                        path,
                        line,
                        column,
                        say("platform_options.hint", language),
                    )
                )
    return problems
