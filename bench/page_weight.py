"""Page weight and paint timings on a throttled connection, beside plain Material.

Usage: .venv/bin/python -m bench.page_weight  (or `make bench-weight`)
       .venv/bin/python -m bench.page_weight --case-studies 5000
The second replaces the case studies with N synthetic ones (those of
bench/build_scale.py) and measures our site only.

Builds the real site and a default Material build of the same Markdown
(theme material, its search plugin, no hooks, no macros, system fonts so
nothing is fetched from Google), serves each on 127.0.0.1 with gzip like a
static host, and loads sample pages in headless Chromium with a slow mobile
connection (1.6 Mbps down, 750 kbps up, 150 ms round trip) and a 4x CPU
slowdown. It reports, per page, what a first visit transfers before the
reader can interact (everything fetched until the network is idle),
the number of requests, and first and largest contentful paint.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.build_scale import make_project
from bench.serve import serve_gzip
from tests.support.browser import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "home": "",
    "guide page": "guides/getting-started/",
    "case-study index": "case-studies/",
    "case-study listing": "case-studies/principle/reciprocity/",
    "case-study page": None,  # the first case study found in the build
}
THROTTLE = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
BUDGET_KIB = 70
LCP_BUDGET_MS = 1500

PLAIN_CONFIG = """
site_name: Plain Material
site_url: https://plain.example/
docs_dir: {docs}
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions: [abbr, admonition, attr_list, def_list, footnotes, md_in_html, tables, toc,
  pymdownx.details, pymdownx.superfences, pymdownx.tabbed, pymdownx.tasklist]
"""

MEASURE_PAINT = """() => new Promise(resolve => {
  let lcp = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) lcp = Math.max(lcp, e.startTime);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    resolve({fcp: fcp ? fcp.startTime : null, lcp: lcp || null});
  }, 500);
})"""


def build(config: Path, out: Path) -> None:
    """Build a site quietly; stop the benchmark with the log if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        sys.exit(f"Build failed for {config}:\n{result.stderr}")


def first_case_study(site: Path) -> str | None:
    """The address of one generated case-study page, if the site has any."""
    pages = sorted(
        p
        for p in (site / "case-studies").glob("*/index.html")
        if p.parent.name not in {"principle", "nation", "service-area", "involvement", "fields"}
    )
    return f"case-studies/{pages[0].parent.name}/" if pages else None


def measure(browser: object, url: str) -> dict[str, float | int | None]:
    """Load `url` once with a cold cache and throttling; return what it cost."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", THROTTLE)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    sizes: dict[str, int] = {}
    cdp.on(
        "Network.loadingFinished", lambda e: sizes.update({e["requestId"]: e["encodedDataLength"]})
    )
    page.goto(url, wait_until="networkidle")
    paint = page.evaluate(MEASURE_PAINT)
    context.close()
    return {"kib": sum(sizes.values()) / 1024, "requests": len(sizes), **paint}


def run(case_studies: int | None = None) -> dict[str, dict[str, dict]]:
    results: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ours, plain = Path(tmp) / "ours", Path(tmp) / "plain"
        project = ROOT
        if case_studies is not None:
            project = Path(tmp) / "project"
            make_project(project, case_studies)
        build(project / "mkdocs.yml", ours)
        if case_studies is None:
            plain_cfg = Path(tmp) / "plain.yml"
            plain_cfg.write_text(PLAIN_CONFIG.format(docs=ROOT / "docs"), encoding="utf-8")
            build(plain_cfg, plain)
        pages = {**PAGES, "case-study page": first_case_study(ours)}
        with sync_playwright() as p:
            path = find_chromium()
            if path is None:
                sys.exit("No Chromium found: install one (see README).")
            browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            for label, site in (("ours", ours), ("plain Material", plain)):
                if not site.is_dir():
                    continue
                with serve_gzip(site) as base:
                    for name, rel in pages.items():
                        if rel is None or not (site / rel / "index.html").is_file():
                            continue
                        results.setdefault(name, {})[label] = measure(browser, base + rel)
            browser.close()
    return results


def report(results: dict[str, dict[str, dict]]) -> str:
    head = "| Page | Site | Transferred (KiB) | Requests | FCP (ms) | LCP (ms) |"
    rows = [head, "| --- | --- | ---: | ---: | ---: | ---: |"]
    for name, sites in results.items():
        for label, m in sites.items():
            fcp = f"{m['fcp']:.0f}" if m["fcp"] else "-"
            lcp = f"{m['lcp']:.0f}" if m["lcp"] else "-"
            rows.append(f"| {name} | {label} | {m['kib']:.1f} | {m['requests']} | {fcp} | {lcp} |")
    ours = [s["ours"] for s in results.values() if "ours" in s]
    worst_kib = max(m["kib"] for m in ours)
    worst_lcp = max(m["lcp"] or 0 for m in ours)
    rows.append("")
    rows.append(
        f"Heaviest first visit: {worst_kib:.1f} KiB (target <= {BUDGET_KIB} KiB): "
        f"{'met' if worst_kib <= BUDGET_KIB else 'MISSED'}"
    )
    rows.append(
        f"Slowest LCP: {worst_lcp:.0f} ms (target <= {LCP_BUDGET_MS} ms): "
        f"{'met' if worst_lcp <= LCP_BUDGET_MS else 'MISSED'}"
    )
    return "\n".join(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case-studies", type=int, help="N synthetic case studies instead")
    args = parser.parse_args()
    data = run(args.case_studies)
    print(report(data))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    name = f"page_weight_{args.case_studies}" if args.case_studies is not None else "page_weight"
    (out / f"{name}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
