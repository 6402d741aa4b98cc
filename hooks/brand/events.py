"""Brand, fork and private sites: what a fork sets in its own mkdocs.yml.

Events:
- `on_config`: checks the fork's `plugins:` and `markdown_extensions:` are
  mappings, not lists that would replace ours, and what it says about itself
  (`extra.organisation`, `extra.private`; fork.py), and `extra.brand`
  (colours for contrast, logo and favicon files; palette.py), every problem
  at once, and sets the theme's logo and favicon.
- `on_files`: adds `assets/stylesheets/brand.css`, the brand's colours, and
  `assets/images/share.png`, the picture a shared link shows (share_image.py;
  a private site has no share tags, so none).
- `on_post_build` (last, after the feed is written): a private site
  (`extra.private: true`) keeps no sitemap or public feed, and its
  robots.txt tells crawlers to stay away; the `noindex` meta tag and the
  "Internal guidance for …" banner come from overrides/main.html. A public
  site's robots.txt points crawlers to its sitemap.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.brand import fork, palette
from hooks.brand.share_image import share_png
from hooks.common import fragments
from hooks.common.errors import raise_if_any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

CSS_URI = "assets/stylesheets/brand.css"
SHARE_URI = "assets/images/share.png"
# What a private site does not publish: its page list and its public feed.
PUBLIC_ONLY = ("sitemap.xml", "sitemap.xml.gz", "feed.xml")
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    config_file = Path(config.config_file_path).resolve()
    brand = config.extra.get("brand")
    text = config_file.read_text(encoding="utf-8")
    problems = fork.list_settings(text, config_file.name)
    problems += fork.palette_problems(text, config_file.name)
    problems += fork.theme_image_problems(text, config_file.name)
    problems += fork.remote_asset_problems(text, config_file.name)
    problems += fork.identity_problems(config, text, config_file.name)
    colours, images, brand_problems = palette.site_brand(brand, config_file, Path(config.docs_dir))
    raise_if_any(problems + brand_problems)
    # Collected, not raised (hooks/preview/): the build goes on with safe values.
    if not isinstance(config.extra.get("organisation"), dict):
        config.extra["organisation"] = {}
    config.extra["organisation"].setdefault("contact_email", "")
    config.extra["private"] = config.extra.get("private") is True
    if brand_problems:  # the guide's own colours
        colours, _ = palette.check_brand(palette.DEFAULT_BRAND, config_file.name)
    for key, value in images.items():
        config.theme[key] = value
    _state["css"] = palette.brand_css(fragments.folder(config), colours)
    _state["colours"] = colours
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, CSS_URI, content=_state["css"]))
    if not config.extra.get("private"):
        colours = _state["colours"]
        image = share_png(colours["primary"], colours["accent"], config.site_name)
        files.append(File.generated(config, SHARE_URI, content=image))
    return files


@event_priority(-100)  # after the governance hook has written feed.xml
def on_post_build(*, config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    if config.extra.get("private"):
        for name in PUBLIC_ONLY:
            (site_dir / name).unlink(missing_ok=True)
        robots = ["User-agent: *", "Disallow: /"]
    else:
        robots = ["User-agent: *", "Allow: /"]
        if config.site_url:
            robots.append(f"Sitemap: {config.site_url.rstrip('/')}/sitemap.xml")
    (site_dir / "robots.txt").write_text("\n".join(robots) + "\n", encoding="utf-8")
