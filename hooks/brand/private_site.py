"""Private (internal) deployments: `extra.private: true` in mkdocs.yml.

After the build (the brand hook's `on_post_build`, once the feed is
written), a private site's sitemap and public feed are removed, and its
robots.txt tells crawlers to stay away; the `noindex` meta tag and the "Internal guidance for …"
banner come from overrides/main.html. A public site gets a robots.txt that
points crawlers to its sitemap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
