"""Build the site strictly into a new folder; replace site/ only if it worked.

Used by `make build`. A failed or interrupted build leaves the last good
site/ exactly as it was, and leaves no half-built folder behind.

    python scripts/atomic_build.py [--config mkdocs.yml] [--site-dir site]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Build folders sit beside site/ (same file system, so renames are atomic)
# and match `.site-build-*/` in .gitignore.
PREFIX = ".site-build-"
# No banners about MkDocs 2 (see the Makefile), even when run without make.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def replace_dir(new: Path, target: Path) -> None:
    """Put `new` where `target` is: two renames, with the old one restored on failure."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=PREFIX + "old-", dir=target.parent)) / "site"
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old.parent)


def build(config: Path, site_dir: Path) -> int:
    """Run a strict MkDocs build into a fresh folder; swap it in if it succeeds."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=PREFIX, dir=site_dir.parent))
    try:
        output = work / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        command += ["--config-file", str(config), "--site-dir", str(output)]
        result = subprocess.run(command, check=False, env={**os.environ, **QUIET})  # noqa: S603
        if result.returncode != 0:
            print(f"The build failed: {site_dir.name}/ still holds the last good build.")
            return result.returncode
        replace_dir(output, site_dir)
        print(f"Built the site into {site_dir.name}/")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    parser.add_argument("--site-dir", type=Path, help="default: site/ beside the config file")
    args = parser.parse_args(argv)
    config = args.config.resolve()
    return build(config, (args.site_dir or config.parent / "site").resolve())


if __name__ == "__main__":
    sys.exit(main())
