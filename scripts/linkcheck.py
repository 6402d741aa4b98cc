"""Check the external links in docs/ and case_studies/ (`make linkcheck`).

For use online, by hand or on a schedule: never in `make test` or CI, whose
builds stay offline. Internal links and anchors are checked by the strict
build. Each address is tried up to three times, with a timeout and a polite
user agent; sites that refuse robots go in scripts/linkcheck-allow.txt.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("docs", "case_studies")
ALLOW_FILE = ROOT / "scripts" / "linkcheck-allow.txt"
USER_AGENT = "CoproductionGuide-linkcheck/1.0 (checks links in a public guide, politely)"
TIMEOUT = 20
ATTEMPTS = 3
# Hosts reserved for examples (RFC 2606, RFC 6761): never real links.
RESERVED = ("example.com", "example.org", "example.net", "localhost", "127.0.0.1")
RESERVED_TLDS = (".example", ".test", ".invalid", ".localhost")
_URL = re.compile(r"https?://[^\s<>\"'`\]]+")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`[^`\n]+`")
_RETRY = {429, 500, 502, 503, 504}
_TRY_GET = {403, 405, 501}  # some servers refuse HEAD but answer GET

Fetch = Callable[[str, str], int]


@dataclass(frozen=True)
class Link:
    url: str
    path: str
    line: int


def extract_links(text: str, path: str) -> list[Link]:
    """Every http(s) address in a Markdown file, outside code, with its line."""
    hidden = _CODE_SPAN.sub(_blank, _FENCE.sub(_blank, text))
    links = []
    for match in _URL.finditer(hidden):
        url = _trim(match.group())
        links.append(Link(url, path, text.count("\n", 0, match.start()) + 1))
    return links


def _blank(match: re.Match[str]) -> str:
    """Blank out code, keeping line breaks so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group())


def _trim(url: str) -> str:
    """Drop punctuation that ends a sentence or a Markdown link, not the address."""
    while True:
        trimmed = url.rstrip(".,;:!?*_")
        if trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
            trimmed = trimmed[:-1]
        if trimmed == url:
            return url
        url = trimmed


def is_reserved(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in RESERVED or host.endswith(tuple("." + h for h in RESERVED) + RESERVED_TLDS)


def read_allow_list(text: str) -> list[str]:
    """Entries, one a line: a host (covers its subdomains) or an address prefix."""
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [e for e in entries if e]


def is_allowed(url: str, allow: Iterable[str]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    for entry in allow:
        if "://" in entry and url.startswith(entry):
            return True
        if "://" not in entry and (host == entry.lower() or host.endswith("." + entry.lower())):
            return True
    return False


def check_url(url: str, fetch: Fetch, sleep: Callable[[float], None] = time.sleep) -> str:
    """'' if the address works, else what went wrong after every attempt."""
    problem = ""
    for attempt in range(ATTEMPTS):
        if attempt:
            sleep(2**attempt)
        try:
            status = fetch(url, "HEAD")
            if status in _TRY_GET:
                status = fetch(url, "GET")
        except OSError as err:  # timeouts, refused connections, bad certificates
            problem = f"could not be reached ({getattr(err, 'reason', err)})"
            continue
        if status < 400:
            return ""
        problem = f"answered with HTTP status {status}"
        if status not in _RETRY:
            break
    return problem


def fetch_status(url: str, method: str) -> int:
    """The final HTTP status of `url`, following redirects."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"not a web address: {url}")
    headers = {"User-Agent": USER_AGENT}
    request = urllib.request.Request(url, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def collect(root: Path) -> list[Link]:
    links = []
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.md")):
            text = path.read_text(encoding="utf-8-sig", errors="replace")
            links += extract_links(text, path.relative_to(root).as_posix())
    return links


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    allow = read_allow_list(ALLOW_FILE.read_text(encoding="utf-8"))
    links = [
        link
        for link in collect(ROOT)
        if not is_reserved(link.url) and not is_allowed(link.url, allow)
    ]
    urls = sorted({link.url for link in links})
    print(f"Checking {len(urls)} external addresses...")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(zip(urls, pool.map(lambda u: check_url(u, fetch_status), urls), strict=True))
    broken = [(link, results[link.url]) for link in links if results[link.url]]
    for link, problem in broken:
        print(
            f"{link.path}:{link.line}: link: {link.url} {problem}. Fix: update or remove the "
            f"link, or add its site to {ALLOW_FILE.relative_to(ROOT)} if it refuses robots"
        )
    print(f"{len(broken)} broken link{'s' * (len(broken) != 1)}.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
