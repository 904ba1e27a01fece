"""The docs match the code: every kit field is described in docs/kit-format.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from advocacy_kit import models

KIT_FORMAT = (Path(__file__).parent.parent / "docs" / "kit-format.md").read_text(encoding="utf-8")

DOCUMENTED = [
    models.Organization,
    models.Guidelines,
    models.Disclosure,
    models.BlockedTerm,
    models.ExpertiseArea,
    models.Topic,
    models.Campaign,
    models.Person,
    models.Account,
    models.AwayPeriod,
    models.SharingHours,
    models.Voice,
    models.Settings,
    models.Kit,
]


@pytest.mark.parametrize("model", DOCUMENTED, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    # A field counts as described where it stands as code: `name`, `parent.name` or `{a, name}`.
    missing = [
        name
        for name in model.model_fields
        if not re.search(rf"[`.{{ ]{re.escape(name)}[`,}}]", KIT_FORMAT)
    ]
    assert not missing, f"docs/kit-format.md does not describe {model.__name__}: {missing}"
