"""Build the site with MkDocs and with ProperDocs and compare every file.

ProperDocs is the drop-in continuation of MkDocs 1.x. This script shows
that it builds our site (hooks, Material, macros) as MkDocs does. It builds
both into temporary folders, compares every file byte for byte, and prints
each difference. Known differences are listed in KNOWN, each with its
reason; any other difference makes it exit with 1.

    pip install -r requirements-properdocs.txt
    python scripts/compare_builds.py [--config mkdocs.yml] [--keep]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("mkdocs", "properdocs")
# No banners about MkDocs 2 (see the Makefile), no colour codes in the logs.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_COLOR": "1"}


@dataclass(frozen=True)
class Known:
    """A difference we expect, where it can appear, and why."""

    name: str
    suffixes: tuple[str, ...]
    pattern: re.Pattern[bytes]
    reason: str


KNOWN = (
    Known(
        "generator tag",
        (".html",),
        re.compile(rb"<meta\b[^>]*\bname=\"?generator\"?[^>]*>"),
        "Material's template names the tool that built the page in "
        '<meta name="generator">: "mkdocs-1.6.1" under MkDocs, '
        '"mkdocs-ProperDocs 1.6.x" under ProperDocs.',
    ),
)


@dataclass
class Result:
    """How many files were compared, and what differed."""

    compared: int = 0
    identical: int = 0
    explained: dict[str, list[str]] = field(default_factory=lambda: {k.name: [] for k in KNOWN})
    unexplained: list[str] = field(default_factory=list)


def build(tool: str, config: Path, site_dir: Path, env: dict[str, str]) -> str | None:
    """Build strictly with `tool`; None if it worked, else its log."""
    command = [sys.executable, "-m", tool, "build", "--strict"]
    command += ["--config-file", str(config), "--site-dir", str(site_dir)]
    proc = subprocess.run(  # noqa: S603 (our own command)
        command, cwd=config.parent, env=env, capture_output=True, text=True, check=False
    )
    log = proc.stdout + proc.stderr
    warned = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return log if proc.returncode or warned else None


def _contents(path: Path) -> bytes:
    """The file's bytes; a .gz file's uncompressed bytes (its header holds a time)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _normalise(data: bytes, suffix: str) -> tuple[bytes, list[str]]:
    """`data` with every known difference blanked, and the names of those found."""
    found = []
    for known in KNOWN:
        if suffix in known.suffixes and known.pattern.search(data):
            data = known.pattern.sub(b"<" + known.name.encode() + b">", data)
            found.append(known.name)
    return data, found


def _first_difference(a: bytes, b: bytes, width: int = 60) -> str:
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, at - width // 2)
    show = [data[start : at + width // 2].decode("utf-8", "replace") for data in (a, b)]
    return f"at byte {at}:\n      mkdocs:     {show[0]!r}\n      properdocs: {show[1]!r}"


def compare(first: Path, second: Path) -> Result:
    """Compare every file under the two folders."""
    files = {
        folder: {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        for folder in (first, second)
    }
    result = Result()
    for rel in sorted(files[first] | files[second]):
        result.compared += 1
        if rel not in files[second]:
            result.unexplained.append(f"{rel}: only in the MkDocs build")
            continue
        if rel not in files[first]:
            result.unexplained.append(f"{rel}: only in the ProperDocs build")
            continue
        a, b = (_contents(folder / rel) for folder in (first, second))
        if a == b:
            result.identical += 1
            continue
        suffix = Path(rel.removesuffix(".gz")).suffix
        (a_norm, found), (b_norm, _) = _normalise(a, suffix), _normalise(b, suffix)
        if a_norm == b_norm:
            for name in found:
                result.explained[name].append(rel)
        else:
            result.unexplained.append(f"{rel}: differs {_first_difference(a_norm, b_norm)}")
    return result


def report(result: Result) -> None:
    explained = sum(1 for files in result.explained.values() if files)
    print(
        f"Compared {result.compared} files: {result.identical} identical, "
        f"{result.compared - result.identical - len(result.unexplained)} differ only in "
        f"known ways, {len(result.unexplained)} differ in ways not explained."
    )
    if explained:
        print("\nKnown differences:")
        for known in KNOWN:
            files = result.explained[known.name]
            if files:
                print(f"  {known.name}, in {len(files)} files (such as {files[0]}):")
                print(f"    {known.reason}")
    if result.unexplained:
        print("\nDifferences not explained (add a reason to KNOWN only once you know it):")
        for line in result.unexplained:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=ROOT / "mkdocs.yml", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the two builds; print where")
    args = parser.parse_args(argv)
    missing = [tool for tool in TOOLS if importlib.util.find_spec(tool) is None]
    if missing:
        print(
            f"Not installed: {', '.join(missing)}. Run: pip install -r requirements-properdocs.txt"
        )
        return 2
    # One build time for both, so dates MkDocs takes from the clock agree.
    env = {**os.environ, **QUIET}
    env.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    work = Path(tempfile.mkdtemp(prefix="compare-builds-"))
    sites = {tool: work / tool for tool in TOOLS}
    for tool, site_dir in sites.items():
        started = time.perf_counter()
        log = build(tool, args.config.resolve(), site_dir, env)
        if log is not None:
            print(f"The {tool} build failed or warned:\n{log}")
            return 1
        print(f"Built with {tool} in {time.perf_counter() - started:.1f} s")
    result = compare(sites["mkdocs"], sites["properdocs"])
    report(result)
    if args.keep:
        print(f"\nThe builds are in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if result.unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
