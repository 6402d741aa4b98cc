"""Private (internal) deployments: `extra.private: true` in mkdocs.yml.

Event: `on_post_build`, last (after the feed is written). A private site
publishes no sitemap and no public feed, and its robots.txt tells crawlers
to stay away; the `noindex` meta tag and the "Internal guidance for …"
banner come from overrides/main.html. A public site gets a robots.txt that
points crawlers to its sitemap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# What a private site does not publish: its page list and its public feed.
PUBLIC_ONLY = ("sitemap.xml", "sitemap.xml.gz", "feed.xml")


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


@event_priority(-100)  # after hooks/feed.py has written feed.xml
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    private = is_private(config)
    if private:
        for name in PUBLIC_ONLY:
            (site_dir / name).unlink(missing_ok=True)
    (site_dir / "robots.txt").write_text(robots_txt(private, config.site_url), encoding="utf-8")
