"""Private (internal) deployments: `extra.private: true` in mkdocs.yml.

Event: `on_post_build`. A private site publishes no sitemap and tells
crawlers to stay away (robots.txt here; a `noindex` meta tag and the
"Internal guidance for …" banner come from overrides/main.html). A public
site gets a robots.txt that points crawlers to its sitemap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


def is_private(config: MkDocsConfig) -> bool:
    """Whether the site is marked private in its identity file."""
    return bool((config.extra or {}).get("private"))


def robots_txt(private: bool, site_url: str | None) -> str:
    """The robots.txt for a public or a private site."""
    if private:
        return "User-agent: *\nDisallow: /\n"
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    private = is_private(config)
    if private:
        for name in SITEMAPS:
            (site_dir / name).unlink(missing_ok=True)
    (site_dir / "robots.txt").write_text(robots_txt(private, config.site_url), encoding="utf-8")
