"""`make linkcheck`: finding links and deciding what to check. Never touches the network."""

from __future__ import annotations

import pytest

from scripts.linkcheck import (
    Link,
    check_url,
    extract_links,
    is_allowed,
    is_reserved,
    read_allow_list,
)

PAGE = """---
title: A page
sources:
  - url: https://www.gov.uk/guidance/care-act
---

See [the Act](https://www.legislation.gov.uk/ukpga/2014/23/contents).
Read <https://www.scie.org.uk/co-production/>, then https://en.wikipedia.org/wiki/Co-production_(public_services).
A sentence ending in https://www.thinklocalactpersonal.org.uk/.

```sh
curl https://in-a-code-block.invalid/
```

Run `curl https://in-a-code-span.invalid/` too. And (https://x.org/y).
"""


def test_links_are_found_in_text_links_autolinks_and_front_matter_with_lines() -> None:
    assert extract_links(PAGE, "docs/p.md") == [
        Link("https://www.gov.uk/guidance/care-act", "docs/p.md", 4),
        Link("https://www.legislation.gov.uk/ukpga/2014/23/contents", "docs/p.md", 7),
        Link("https://www.scie.org.uk/co-production/", "docs/p.md", 8),
        Link("https://en.wikipedia.org/wiki/Co-production_(public_services)", "docs/p.md", 8),
        Link("https://www.thinklocalactpersonal.org.uk/", "docs/p.md", 9),
        Link("https://x.org/y", "docs/p.md", 15),
    ]


@pytest.mark.parametrize(
    ("url", "reserved"),
    [
        ("https://example.org/", True),
        ("https://docs.example.com/x", True),
        ("http://localhost:8000/", True),
        ("https://site.test/", True),
        ("https://www.gov.uk/", False),
        ("https://notexample.org/", False),
    ],
)
def test_example_addresses_are_never_checked(url: str, reserved: bool) -> None:
    assert is_reserved(url) is reserved


ALLOW = """
# Blocks robots; checked by hand.
linkedin.com
https://www.jstor.org/stable/   # prefix, with a comment after it
"""


def test_allow_list_reads_hosts_and_prefixes_and_ignores_comments() -> None:
    assert read_allow_list(ALLOW) == ["linkedin.com", "https://www.jstor.org/stable/"]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://linkedin.com/in/x", True),
        ("https://uk.linkedin.com/company/y", True),
        ("https://notlinkedin.com/", False),
        ("https://www.jstor.org/stable/123", True),
        ("https://www.jstor.org/other/123", False),
    ],
)
def test_allow_list_covers_a_host_its_subdomains_and_address_prefixes(
    url: str, allowed: bool
) -> None:
    assert is_allowed(url, read_allow_list(ALLOW)) is allowed


class FakeWeb:
    """Answers with a script of statuses (or errors), recording every request."""

    def __init__(self, *answers: int | OSError) -> None:
        self.answers = list(answers)
        self.requests: list[str] = []

    def __call__(self, url: str, method: str) -> int:
        self.requests.append(method)
        answer = self.answers.pop(0)
        if isinstance(answer, OSError):
            raise answer
        return answer


def _no_sleep(seconds: float) -> None:
    """Retries wait; tests do not."""


def test_a_working_link_is_asked_for_once() -> None:
    web = FakeWeb(200)
    assert check_url("https://a.org/", web, _no_sleep) == ""
    assert web.requests == ["HEAD"]


def test_a_server_that_refuses_head_is_asked_with_get() -> None:
    web = FakeWeb(405, 200)
    assert check_url("https://a.org/", web, _no_sleep) == ""
    assert web.requests == ["HEAD", "GET"]


def test_a_missing_page_is_reported_without_retrying() -> None:
    web = FakeWeb(404)
    assert check_url("https://a.org/", web, _no_sleep) == "answered with HTTP status 404"
    assert web.requests == ["HEAD"]


def test_busy_servers_and_network_errors_are_retried_with_growing_waits() -> None:
    waits: list[float] = []
    web = FakeWeb(503, TimeoutError("timed out"), 200)
    assert check_url("https://a.org/", web, waits.append) == ""
    assert waits == [2, 4]


def test_a_link_failing_every_attempt_says_why() -> None:
    web = FakeWeb(OSError("refused"), OSError("refused"), OSError("refused"))
    assert check_url("https://a.org/", web, _no_sleep) == "could not be reached (refused)"
    assert len(web.requests) == 3
