"""How build time and memory grow with the number of case studies.

For each N, copies the project into a temporary folder, replaces its case
studies with N synthetic ones, and times a clean `mkdocs build` in a child
process, recording the children's peak memory. In the same run it times
plain Material (no hooks, no macros) building the same stories as ordinary
pages listed in its nav, the baseline the targets compare against:

- 1,000 case studies build in 10 s or less (2-core machine);
- 5,000 take at most 5.5 x the 1,000 figure (linear growth);
- at 1,000, at most 0.25 x plain Material's time.

Usage: python bench/build_scale.py [--sizes 100 1000 5000] [--plain-max 1000]
                                   [--repeat 3]
Plain Material with thousands of pages in the nav is very slow (every page
renders the whole nav), so `--plain-max` caps the sizes it is run at.
`--repeat` builds each site that many times, ours and plain Material taking
turns, and reports the median: on a shared machine one build can take a
third longer than the next.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support.fork import copy_project

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland", "UK-wide", "International")
AREAS = ("mental health", "dementia", "cancer", "criminal justice", "older people")
PRINCIPLES = ("equality", "diversity", "access", "reciprocity")
STEPS = ("coproduction", "co-design", "engagement", "consultation", "informing")

# About 430 words under the six headings of case_studies/_template.md: every
# case study must be 400 to 900 words (hooks/case_studies/content.py), and a
# realistic length keeps the timings honest.
STORY = """
## Context

Synthetic case study number {i}, written for the benchmark. People who use
the service said it was planned for them, not with them. Meetings happened
in office hours, in a building that was hard to reach by bus, and the papers
were long and full of jargon. Few people came, and the same few voices were
heard every time.

## Who was involved and how

People who use the service and staff meet every month to plan it together.
A group of twelve people with lived experience formed a panel. They were
paid for their time, had their travel covered and chose where to meet. Two
members chaired the meetings with a manager, and everyone had the papers a
week before, written in plain English.

## What they did

They agreed a budget, chose what to change first and reviewed it after a
year. Everyone was paid for their time. The panel walked the route from the
bus stop, read every letter the service sent and listened to people who had
stopped coming. They wrote down what got in the way and what helped, then
worked with staff to try three changes: shorter letters, an evening drop-in
and a named contact for each person. Each change was tried for three months
and talked over at the next meeting. When something did not work, the panel
said so, and the change was altered or dropped.

## What changed

More people used the service, and fewer left it early. The evening drop-in
became the busiest session of the week, and people said they felt listened
to. The organisation published a short report on the changes.

## What was hard

Paying people took months to arrange, because the payroll system had never
paid anyone who was not staff. Some managers found it hard to hand over
decisions, and at first the panel was asked to comment on plans that were
already finished. Keeping the panel diverse took effort: people who worked
during the day, or who cared for someone, could not always come, so the
meetings moved to different times and places.

## What others can learn

Start with the money: agree payments and expenses before the first meeting.
Give the group real decisions, not just plans to comment on, and say which
decisions are theirs. Share papers early and write them plainly. Review the
changes together, and be honest when something has not worked. Keep asking
who is missing, and change how you meet so they can come.
"""


def front_matter(i: int) -> str:
    return f"""---
title: Synthetic case study {i:05d}
organisation: Benchmark Trust {i % 97}
summary: A synthetic case study used to measure how the build scales.
location: Town {i % 311}
nation: {NATIONS[i % len(NATIONS)]}
service_areas:
  - {AREAS[i % len(AREAS)]}
principles:
  - {PRINCIPLES[i % len(PRINCIPLES)]}
involvement: {STEPS[i % len(STEPS)]}
started: {1990 + i % 30}
sources:
  - title: Benchmark source
    url: https://example.org/{i}
    publisher: Benchmark Trust
    accessed: 2026-01-02
  - title: Benchmark report
    url: https://example.org/{i}/report
    publisher: Benchmark Council
    accessed: 2026-01-02
outcomes:
  - text: More people used the service in {2000 + i % 20}.
    source: 2
last_reviewed: 2026-01-03
---
"""


def write_synthetic(folder: Path, n: int) -> list[Path]:
    """Write synthetic case studies 0 to n - 1 into `folder`; their files, in order."""
    paths = [folder / f"synthetic-{i:05d}.md" for i in range(n)]
    for i, path in enumerate(paths):
        path.write_text(front_matter(i) + STORY.format(i=i), encoding="utf-8")
    return paths


def make_project(dest: Path, n: int) -> None:
    """A copy of the project (every file git would track) with N synthetic case studies."""
    dest.mkdir(parents=True)
    copy_project(dest)
    for old in (dest / "case_studies").glob("[!_]*.md"):
        old.unlink()
    write_synthetic(dest / "case_studies", n)


def make_plain_material(dest: Path, n: int) -> None:
    """The same stories as ordinary pages in plain Material, every one in the nav."""
    (dest / "docs" / "studies").mkdir(parents=True)
    (dest / "docs" / "index.md").write_text("# Plain Material\n", encoding="utf-8")
    nav = ["  - Home: index.md"]
    for i in range(n):
        name = f"studies/synthetic-{i:05d}.md"
        body = f"# Synthetic case study {i:05d}\n" + STORY.format(i=i)
        (dest / "docs" / name).write_text(body, encoding="utf-8")
        nav.append(f"  - 'Synthetic case study {i:05d}': {name}")
    config = "site_name: Plain Material\ntheme:\n  name: material\nnav:\n" + "\n".join(nav) + "\n"
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path) -> tuple[float, float, float, bool]:
    """Wall seconds, CPU seconds, children's peak RSS in MB (so far), success.

    CPU time is reported too because wall time on a shared machine includes
    waiting for other processes.
    """
    cpu_before = _children_cpu()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-d",
        str(project / "site"),
    ]
    start = time.perf_counter()
    proc = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if proc.returncode:
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, _children_cpu() - cpu_before, peak_mb, proc.returncode == 0


def _medians(runs: list[tuple[float, float, float, bool]]) -> dict[str, float]:
    """Median wall and CPU seconds of the runs, the highest peak memory, all succeeded."""
    return {
        "ours": statistics.median(r[0] for r in runs),
        "cpu": statistics.median(r[1] for r in runs),
        "peak": max(r[2] for r in runs),
        "ok": all(r[3] for r in runs),
        "runs": len(runs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--plain-max", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    rows: dict[int, dict[str, float]] = {}
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            ours, plain = Path(tmp) / "ours", Path(tmp) / "plain"
            make_project(ours, n)
            with_plain = n <= args.plain_max
            if with_plain:
                make_plain_material(plain, n)
            runs: dict[str, list[tuple[float, float, float, bool]]] = {"ours": [], "plain": []}
            for _ in range(args.repeat):
                runs["ours"].append(timed_build(ours))
                if with_plain:
                    runs["plain"].append(timed_build(plain))
            rows[n] = _medians(runs["ours"])
            if with_plain:
                plain_row = _medians(runs["plain"])
                rows[n].update(plain=plain_row["ours"], plain_cpu=plain_row["cpu"])
                rows[n]["ok"] = rows[n]["ok"] and plain_row["ok"]
        print(f"built {n}: {rows[n]}", file=sys.stderr, flush=True)
    head = (
        "N",
        "wall s",
        "cpu s",
        "peak MB*",
        "plain wall",
        "plain cpu",
        "ratio wall",
        "ratio cpu",
    )
    print(" ".join(f"{h:>10}" for h in head))
    for n, r in rows.items():
        cells = [str(n), f"{r['ours']:.1f}", f"{r['cpu']:.1f}", f"{r['peak']:.0f}"]
        if "plain" in r:
            cells += [f"{r['plain']:.1f}", f"{r['plain_cpu']:.1f}"]
            cells += [f"{r['ours'] / r['plain']:.2f}", f"{r['cpu'] / r['plain_cpu']:.2f}"]
        else:
            cells += ["(skipped)", "", "", ""]
        print(" ".join(f"{c:>10}" for c in cells))
    print("* peak RSS of any child process so far in this run (getrusage RUSAGE_CHILDREN)")
    print(f"Times are the median of {args.repeat} build(s) of each site, taking turns.")
    if 1000 in rows and 5000 in rows:
        growth = rows[5000]["ours"] / rows[1000]["ours"]
        growth_cpu = rows[5000]["cpu"] / rows[1000]["cpu"]
        print(f"5,000 / 1,000: wall {growth:.2f}, cpu {growth_cpu:.2f} (target <= 5.5)")
    return 0 if all(r["ok"] for r in rows.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
