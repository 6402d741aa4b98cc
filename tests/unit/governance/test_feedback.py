"""The "Help us improve this page" link: where it goes and how it is encoded."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from hooks.governance.feedback import feedback_href, feedback_url_problem

TITLE = 'Rights & "duties": 50% off? #1 <b>café</b>'
URL = "https://example.org/guide/rights/?a=1&b=2"


def test_default_link_opens_a_new_github_issue_with_title_and_url_encoded() -> None:
    href = feedback_href(TITLE, URL, "https://github.com/example/guide/", None)
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "github.com",
        "/example/guide/issues/new",
    )
    query = parse_qs(parts.query, strict_parsing=True)
    assert query["title"] == [f"Feedback on: {TITLE}"]
    assert URL in query["body"][0]
    # Nothing that could end the query, start a fragment or inject markup is left raw.
    assert not set(parts.query) & set(' "<>#') and parts.fragment == ""
    assert parts.query.count("&") == 1


def test_email_feedback_gets_a_subject_and_body_with_percent_encoded_spaces() -> None:
    href = feedback_href(TITLE, URL, "https://github.com/example/guide", "mailto:team@example.org")
    assert href.startswith("mailto:team@example.org?subject=Feedback%20on%3A%20Rights%20%26")
    assert "+" not in href  # mail programs do not read + as a space
    query = parse_qs(urlsplit(href).query)
    assert query["subject"] == [f"Feedback on: {TITLE}"] and URL in query["body"][0]


def test_email_with_its_own_query_keeps_it() -> None:
    href = feedback_href("P", URL, None, "mailto:team@example.org?cc=b@example.org")
    assert href.startswith("mailto:team@example.org?cc=b@example.org&subject=Feedback")


def test_a_form_address_is_used_as_given() -> None:
    form = "https://forms.example.org/f/abc?x=1"
    assert feedback_href(TITLE, URL, "https://github.com/example/guide", form) == form


def test_no_github_repository_and_no_setting_means_no_link() -> None:
    assert feedback_href(TITLE, URL, None, "") is None
    assert feedback_href(TITLE, URL, "https://gitlab.com/example/guide", None) is None


@pytest.mark.parametrize(
    "value",
    [
        "team@example.org",
        "ftp://example.org/form",
        "www.example.org",
        "mailto:",  # no one to write to
        "https://",  # no site
        "https://forms example.org/x",
    ],
)
def test_a_feedback_setting_that_is_not_a_link_fails_with_its_line(value: str) -> None:
    config = f"site_name: X\nextra:\n  organisation:\n    feedback_url: {value}\n"
    problem = feedback_url_problem(value, config, "mkdocs.yml")
    assert problem is not None
    assert str(problem).startswith("mkdocs.yml:4: extra.organisation.feedback_url: ")
    assert "mailto:" in problem.fix


@pytest.mark.parametrize(
    "value", ["", None, "https://forms.example.org/f", "mailto:a@b.org", "HTTPS://f.example.org/"]
)
def test_usable_feedback_settings_pass(value: str | None) -> None:
    assert feedback_url_problem(value, "", "mkdocs.yml") is None
