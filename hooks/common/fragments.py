"""The one Jinja environment for HTML and CSS that hooks render themselves.

Templates live in `overrides/fragments/`. Every hook that renders one (case
studies, brand colours, the accessibility results, what's new, the security
policy) goes through here, so they all get the same rules: autoescaped
(data is always text), strict about undefined names (a typo fails the build
rather than printing nothing), and tidy whitespace.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from hooks.governance.reviews import long_date

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def folder(config: MkDocsConfig) -> str:
    """Where the fragments live: `<custom_dir>/fragments`."""
    return str(Path(config.theme.custom_dir or "overrides") / "fragments")


@cache
def environment(templates: str) -> jinja2.Environment:
    """The environment for the fragments in `templates` (made once per folder)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    return env


def render(templates: str, name: str, **context: Any) -> str:
    """Render the fragment `name` from the folder `templates`."""
    return environment(templates).get_template(name).render(**context)
