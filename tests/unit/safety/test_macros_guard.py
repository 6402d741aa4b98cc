"""The macros guard: opt-in pages may call our macros and nothing else."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.structure.files import File, Files

from hooks.case_studies import macros
from hooks.common.errors import EditorError
from hooks.common.front_matter import parse_document
from hooks.safety.macros_guard import (
    our_macros,
    page_problems,
    template_problems,
    unrendered_problems,
    will_render,
)
from tests.support.corpus import CASE_STUDY_MACROS
from tests.support.sites import ROOT

ENV = jinja2.Environment(autoescape=True)
ALLOWED = CASE_STUDY_MACROS


@pytest.mark.parametrize(
    "source",
    [
        "Plain text with no macros.",
        '{{ link_to("law/index.md", "the law") }}',
        '{{ case_study_list(principle="equality", empty="None yet.") }}',
        "There are {{ case_study_count(nation='wales') }} in Wales.",
        "{% if case_study_count() > 0 %}Some{% else %}None{% endif %}",
        "{% set n = case_study_count() %}{{ n | string }}",
        "{% for i in [1, 2] %}{{ loop.index }}{{ i }}{% endfor %}",
        "{{ case_study_count() | default(0) }}",
        "{# a comment #}",
        "Welcome to {{ config.site_name }} at <{{ config.site_url }}feed.xml>.",
        "Write to {{ config.extra.organisation.contact_email }}.",
    ],
)
def test_our_macros_and_plain_jinja_are_allowed(source: str) -> None:
    assert template_problems(source, ENV, ALLOWED) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ ''.__class__ }}", "hidden attribute '__class__'"),
        ("{{ ''['__class__'] }}", "hidden item '__class__'"),
        ("{{ link_to.__globals__ }}", "hidden attribute '__globals__'"),
        ("{{ config }}", "it uses 'config'"),
        ("{{ config.plugins }}", "it uses 'config'"),
        ("{{ config.extra }}", "it uses 'config'"),
        ("{{ config.site_name.__class__ }}", "hidden attribute '__class__'"),
        ("{{ config.site_name.upper() }}", "it calls '.upper'"),
        ("{{ cycler.__init__ }}", "it uses 'cycler'"),
        ("{{ lipsum() }}", "it calls 'lipsum'"),
        ("{{ 'x'.upper() }}", "it calls '.upper'"),
        ("{{ (link_to)('a', 'b') }}", ""),  # a parenthesised name is still the name
        ("{{ range(10) }}", "it calls 'range'"),
        ("{% set k = '_' ~ '_globals__' %}{{ link_to[k] }}", "worked out on the page"),
        ("{{ link_to['_' ~ '_globals__'] }}", "worked out on the page"),
        ("{{ link_to | attr('__doc__') }}", "the filter 'attr'"),
        ("{{ [link_to] | map(attribute='__doc__') | list }}", "the filter 'map'"),
        ('{% include "secret.md" %}', "another template"),
        ('{% import "x.html" as x %}', "another template"),
        ("{{ link_to( }}", "not valid macro syntax"),
    ],
)
def test_escapes_from_the_template_are_refused(source: str, expected: str) -> None:
    found = " | ".join(text for _, text in template_problems(source, ENV, ALLOWED))
    assert expected in found if expected else found == ""


def test_problems_carry_the_line_of_the_template_they_are_on() -> None:
    source = "Line one.\n\nLine three {{ config }}.\n"
    assert template_problems(source, ENV, ALLOWED) == [
        (3, "it uses 'config', which is not one of the site's macros")
    ]


def test_page_problems_count_lines_from_the_top_of_the_file() -> None:
    doc = parse_document(
        "---\ntitle: '{{ config.plugins }}'\nrender_macros: true\n---\n\n"
        "Text.\n{{ ''.__class__ }}\n",
        "docs/bad.md",
    )
    found = [str(p) for p in page_problems(doc, ENV, ALLOWED)]
    assert found == [
        "docs/bad.md:2: macros: it uses 'config', which is not one of the site's macros. "
        "Fix: use only the site's macros (case_study_count, case_study_list, link_to), "
        "or delete 'render_macros: true'",
        "docs/bad.md:7: macros: it reaches the hidden attribute '__class__'. "
        "Fix: use only the site's macros (case_study_count, case_study_list, link_to), "
        "or delete 'render_macros: true'",
    ]


def test_macro_code_on_a_page_that_does_not_run_macros_is_named_at_its_line() -> None:
    # It was published as braces (found by a bug hunt); braces in code are text.
    doc = parse_document(
        "---\ntitle: T\n---\n\nSee {{ link_to('a.md', 'A') }}.\n\n`{{ shown }}`\n\n"
        "    Dear {{ first_name }}, {% if paid %}…{% endif %}\n\nA set: {{1, 2}, {3}}.\n\n"
        "{{\n  case_study_list()\n}} and\n\n{%- set n = case_study_count() %}\n",
        "docs/plain.md",
    )  # only a call of the site's macros: other braces may be text (a second hunt)
    found = [str(p) for p in unrendered_problems(doc, ALLOWED)]
    assert [p.split(": macros:")[0] for p in found] == [
        "docs/plain.md:5",
        "docs/plain.md:13",  # a call over several lines, at its {{ (a third hunt)
        "docs/plain.md:17",  # a call inside {% set %}
    ]
    assert found[0] == (
        "docs/plain.md:5: macros: this line calls a macro, but macros do not run on this "
        "page, so readers would see the braces. Fix: add 'render_macros: true' to the front "
        "matter; to show braces as text, put them in `code`"
    )


def test_the_plugin_own_delimiters_are_respected() -> None:
    env = jinja2.Environment(autoescape=True, variable_start_string="[[", variable_end_string="]]")
    assert template_problems("{{ config }}", env, ALLOWED) == []
    assert template_problems("[[ config ]]", env, ALLOWED) != []


@pytest.mark.parametrize(
    ("meta", "by_default", "forced", "renders"),
    [
        ({}, False, False, False),
        ({"render_macros": True}, False, False, True),
        ({"render_macros": False}, True, True, False),
        ({}, False, True, True),
        ({}, True, False, True),
    ],
)
def test_guard_checks_exactly_the_pages_the_plugin_renders(
    meta: dict[str, bool], by_default: bool, forced: bool, renders: bool
) -> None:
    assert will_render(meta, by_default, forced) is renders


class _RecordingEnv:
    """Stands in for the macros plugin's env, recording what define_env registers."""

    def __init__(self) -> None:
        self.variables: dict[str, object] = {}
        self.registered: list[str] = []
        # The guide's own settings, whose hooks: list is the base's.
        self.conf = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))

    def macro(self, function: object, name: str = "") -> object:
        self.registered.append(name or function.__name__)
        return function


def test_define_env_registers_exactly_the_case_study_macros() -> None:
    env = _RecordingEnv()
    macros.define_env(env)
    assert sorted(env.registered) == sorted(CASE_STUDY_MACROS)


def test_macros_registered_from_our_hooks_folder_are_ours(tmp_path: Path) -> None:
    from mkdocs_macros.context import define_env as plugin_builtins

    registered = {"link_to": macros.section_link, "outside": plugin_builtins, "value": 3}
    assert our_macros(registered, Path(macros.__file__).parent) == {"link_to": macros.section_link}
    assert our_macros(registered, tmp_path) == {}


class _KeepingEnv(_RecordingEnv):
    def __init__(self) -> None:
        super().__init__()
        self.functions: dict[str, object] = {}

    def macro(self, function: object, name: str = "") -> object:
        self.functions[name or function.__name__] = function
        return function


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ case_study_list(nation='Wales', empty='None yet.') }}", ""),
        ("{{ link_to('law/index.md', 'the law') }}", ""),
        (
            "{{ case_study_list(region='Wales') }}",
            "it calls 'case_study_list' in a way it cannot be called (got an unexpected keyword "
            "argument 'region'; it takes: principle, nation, service_area, involvement, empty)",
        ),
        ("{{ link_to('law/index.md') }}", "missing a required argument: 'text'"),
    ],
)
def test_a_call_our_macro_cannot_take_is_refused_before_it_runs(source: str, expected: str) -> None:
    # The macros plugin would stop the build with a Python traceback instead.
    env = _KeepingEnv()
    macros.define_env(env)
    found = " | ".join(text for _, text in template_problems(source, ENV, env.functions))
    assert expected in found if expected else found == ""


def test_curly_quotes_and_a_wrong_call_get_fixes_of_their_own() -> None:
    # Both were told "use only the site's macros", which they did (a bug hunt).
    env = _KeepingEnv()
    macros.define_env(env)
    doc = parse_document(
        "---\ntitle: T\nrender_macros: true\n---\n\n"
        "{{ link_to(\u201cguides/a.md\u201d, \u201cA\u201d) }}\n",
        "docs/a.md",
    )
    assert [str(p) for p in page_problems(doc, ENV, env.functions)] == [
        "docs/a.md:6: macros: it has curly quotation marks, which macros cannot read. "
        "Fix: type straight quotes (' or \"), not curly ones"
    ]
    # Autocorrect often curls only the closing quote, and a call may run over
    # several lines (second and third bug hunts).
    one = '{{ case_study_list(nation="Wales\u201d) }}'
    wrapped = "{{ case_study_list(\n    principle=\u201caccess\u201d,\n) }}"
    assert [template_problems(s, ENV, env.functions) for s in (one, wrapped)] == [
        [(1, "it has curly quotation marks, which macros cannot read")],
        [(2, "it has curly quotation marks, which macros cannot read")],
    ]
    doc = parse_document(
        "---\ntitle: T\nrender_macros: true\n---\n\n{{ link_to('guides/a.md') }}\n", "docs/a.md"
    )
    (problem,) = page_problems(doc, ENV, env.functions)
    assert problem.fix == "give the macro the values it takes, as the problem lists them"


def test_link_to_stops_the_build_on_a_page_not_in_docs() -> None:
    # However its path is given (a keyword, a variable): the check runs in the macro.
    env = _KeepingEnv()
    macros.define_env(env)
    env.variables["files"] = Files([File("index.md", "docs", "site", use_directory_urls=True)])
    env.variables["page"] = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))
    with pytest.raises(EditorError, match=r"link_to\('nope.md'\): there is no such page"):
        env.functions["link_to"](src_uri="nope.md", text="Nope")
    assert env.functions["link_to"]("index.md", "Home") == "[Home](index.md)"
