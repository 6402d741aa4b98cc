"""The "Help us improve this page" link: where it goes, built once per page.

The governance hook checks `extra.organisation.feedback_url` (a form's
https:// address or a mailto: address) at `on_config`, so a typo fails the
build, not a reader, and gives each page's template its `feedback_href`.

By default the link opens a new GitHub issue on `repo_url`, with the page's
title and address filled in. No script, no analytics, no cookies: it is an
ordinary link.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from hooks.common.errors import Problem


def feedback_href(
    page_title: str, page_url: str, repo_url: str | None, feedback_url: str | None
) -> str | None:
    """The link for one page, or None if the site says nowhere to send feedback.

    A mailto: address gets a subject and body naming the page; a form URL is
    used as given (forms differ in how they take prefilled answers); with
    neither, a GitHub repository gets a new-issue link with title and body.
    """
    subject = f"Feedback on: {page_title}"
    body = f"Page: {page_url}\n\nWhat is wrong or missing?\n"
    configured = (feedback_url or "").strip()
    if configured.lower().startswith("mailto:"):
        separator = "&" if "?" in configured else "?"
        query = urlencode({"subject": subject, "body": body}, quote_via=quote)
        return configured + separator + query
    if configured:
        return configured
    if repo_url and "github.com/" in repo_url:
        query = urlencode({"title": subject, "body": body}, quote_via=quote)
        return f"{repo_url.rstrip('/')}/issues/new?{query}"
    return None


def feedback_url_problem(value: Any, config_text: str, display: str) -> Problem | None:
    """A Problem if `extra.organisation.feedback_url` is neither empty nor usable."""
    if value in (None, "") or (isinstance(value, str) and _usable(value.strip())):
        return None
    lines = config_text.splitlines()
    line = next((n for n, text in enumerate(lines, 1) if "feedback_url:" in text), 1)
    return Problem(
        display,
        line,
        "extra.organisation.feedback_url",
        f"{str(value)!r} is not a web address or an email link",
        "write a form address starting https://, an email as mailto:name@example.org, "
        'or "" to use a new GitHub issue',
    )


def _usable(address: str) -> bool:
    """A web address with a host, or a mailto: address with someone to write to."""
    parts = urlsplit(address)
    if parts.scheme.lower() in ("https", "http"):
        return bool(parts.netloc) and " " not in address
    return parts.scheme.lower() == "mailto" and "@" in parts.path
