"""Production output helpers: asset names, unused files, images, minified HTML."""

from __future__ import annotations

from hooks.output.production import hashed_name, is_unused, minify, stable_image


def test_hashed_name_changes_with_content_and_keeps_the_extension() -> None:
    a = hashed_name("assets/stylesheets/site.css", b"a{}")
    b = hashed_name("assets/stylesheets/site.css", b"b{}")
    assert a != b
    assert a.startswith("assets/stylesheets/site.") and a.endswith(".css")
    assert a == hashed_name("assets/stylesheets/site.css", b"a{}")


def test_source_maps_and_the_unused_search_worker_are_not_published() -> None:
    assert is_unused("assets/javascripts/bundle.x.min.js.map", keep_maps=False)
    assert is_unused("assets/javascripts/workers/search.x.min.js", keep_maps=False)
    assert is_unused("assets/javascripts/lunr/min/lunr.de.min.js", keep_maps=True)
    assert not is_unused("assets/javascripts/bundle.x.min.js.map", keep_maps=True)
    assert not is_unused("assets/javascripts/bundle.x.min.js", keep_maps=False)


def test_images_load_lazily_with_their_size() -> None:
    out = stable_image('<img alt="A chart" src="chart.png" />', lambda src: (640, 480))
    assert 'loading="lazy"' in out and 'decoding="async"' in out
    assert 'width="640"' in out and 'height="480"' in out
    assert 'alt="A chart"' in out


def test_an_editors_own_size_and_loading_are_kept() -> None:
    tag = '<img alt="" src="x.png" width="10" height="5" loading="eager" />'
    out = stable_image(tag, lambda src: (999, 999))
    assert 'width="10"' in out and 'loading="eager"' in out and "999" not in out


def test_minify_keeps_script_code_and_only_trims_around_it() -> None:
    html = "<!doctype html><html><head><script>  var a = 1;   /* keep */ </script></head>"
    html += "<body>\n\n  <p>  Hi  </p></body></html>"
    out = minify(html)
    assert "<script>var a = 1;   /* keep */</script>" in out
    assert "<p>Hi</p>" in out
