"""The edit and "View source" buttons on a page (overrides/partials/actions.html)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
REPO = "https://github.com/example/coproduction-guide"


def _buttons(edit_url: str, repo_url: str = REPO) -> dict[str, str]:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    config["repo_url"] = repo_url
    html = (
        config.theme.get_env()
        .get_template("partials/actions.html")
        .render(
            page=SimpleNamespace(edit_url=edit_url),
            features=["content.action.edit", "content.action.view"],
            lang=SimpleNamespace(t=lambda key: key),
            config=config,
        )
    )
    return {a["title"]: a["href"] for a in BeautifulSoup(html, "html.parser").select("a")}


@pytest.mark.parametrize(
    ("edit_url", "view_url"),
    [
        (f"{REPO}/edit/main/docs/guides/start.md", f"{REPO}/raw/main/docs/guides/start.md"),
        # Material's own template swaps every "edit": .../raw/main/case_studies/crraw-union.md
        (
            f"{REPO}/edit/main/case_studies/credit-union.md",
            f"{REPO}/raw/main/case_studies/credit-union.md",
        ),
        (f"{REPO}/blob/main/docs/editors.md", f"{REPO}/raw/main/docs/editors.md"),
    ],
    ids=["plain", "edit-in-the-name", "blob"],
)
def test_view_source_links_to_the_raw_file_of_the_page(edit_url: str, view_url: str) -> None:
    buttons = _buttons(edit_url)
    assert buttons == {"action.edit": edit_url, "action.view": view_url}


def test_a_repository_named_edit_keeps_its_name() -> None:
    repo = "https://github.com/edit/edit"
    buttons = _buttons(f"{repo}/edit/main/docs/index.md", repo_url=repo)
    assert buttons["action.view"] == f"{repo}/raw/main/docs/index.md"
