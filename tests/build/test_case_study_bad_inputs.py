"""Bad case-study inputs in a real build: every problem reaches the log, and odd files build.

Each bad input's message is checked without a build, in
tests/unit/case_studies/test_bad_inputs.py; this build proves that the
messages reach an editor, all at once, never as a traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.corpus import BAD_CASE_STUDIES
from tests.support.sites import copy_fixture, run_mkdocs_build

BAD = BAD_CASE_STUDIES
SITE = "case_study_site"


def test_case_study_with_a_byte_order_mark_builds_correctly(tmp_path: Path) -> None:
    project = copy_fixture(SITE, tmp_path / "project")
    shutil.copy2(BAD / "utf8-bom.md", project / "case_studies" / "utf8-bom.md")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.ok, build.log
    page = (build.site_dir / "case-studies" / "utf8-bom" / "index.html").read_text()
    assert "<h1>Byte-order mark</h1>" in page
    assert "\ufeff" not in page


def test_all_problems_in_all_files_are_reported_together(tmp_path: Path) -> None:
    project = copy_fixture(SITE, tmp_path / "project")
    for name in ("wrong-type.md", "vocabulary-value.md", "http-url.md"):
        shutil.copy2(BAD / name, project / "case_studies" / name)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0 and "Traceback" not in build.log
    assert "The site was not built: 3 problems to fix:" in build.log
    for name in ("wrong-type.md:12: started", "vocabulary-value.md:6: nation", "http-url.md:15"):
        assert f"case_studies/{name}" in build.log
