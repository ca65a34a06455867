"""Liquid through python-liquid in Jekyll's dialect (`jekyll.liquid_engine`): what Jekyll 4.3.1
renders, the rule for Liquid in code, failures named at their line and column, and limits.

`tests/fixtures/liquid/site` is a tiny Jekyll site; `expected/` holds what `jekyll build`
(Jekyll 4.3.1, Debian) rendered of its `.txt` pages, which Jekyll runs Liquid on and converts
no further: `jekyll build -s tests/fixtures/liquid/site -d /tmp/out`, then copy the `.txt`
files.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mkdocs_playbook.jekyll import liquid_engine, rewrite
from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.liquid import site_variables
from mkdocs_playbook.jekyll.liquid_data import load_data
from mkdocs_playbook.jekyll.rewrite import PageInput, Rewrites
from mkdocs_playbook.jekyll.site_config import load_site_config
from mkdocs_playbook.jekyll.urls import JekyllUrls, page_url
from support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "liquid"
SITE = FIXTURE / "site"


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Jekyll rendered the fixtures with `timezone: UTC`; dates print in local time."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def fixture_site(environment: str = "development") -> Rewrites:
    """The fixture site as the plugin hands it to the rewrites."""
    config = load_site_config(SITE / "_config.yml")
    pages: list[dict[str, object]] = []
    urls: dict[str, str] = {}
    for path in sorted(SITE.rglob("*")):
        relative = path.relative_to(SITE).as_posix()
        if path.suffix not in (".md", ".txt") or relative.startswith(("_", "expected")):
            continue
        front_matter = parse_front_matter(path.read_text("utf-8"))
        url = page_url(relative) if path.suffix == ".md" else "/" + relative
        urls[relative] = url
        pages.append({**front_matter.data, "url": url, "path": relative})
    variables = {
        **config.variables(),
        **site_variables(
            site_name=str(config.title),
            site_url=f"{config.url}{config.baseurl}",
            site_description=config.description,
            site_author=None,
            repository_url=None,
            extra={},
        ),
    }
    return Rewrites(
        variables,
        docs_dir=str(SITE),
        jekyll_source=str(SITE),
        jekyll_urls=JekyllUrls(urls, "/handbook"),
        site_data=config.data,
        pages=pages,
        environment_name=environment,
        published=frozenset(urls),
    )


@pytest.mark.parametrize("name", ["control.txt", "filters.txt"])
def test_renders_as_jekyll_renders(name: str, utc: None) -> None:
    text = (SITE / name).read_text("utf-8")
    front_matter = parse_front_matter(text)
    body = text[front_matter.body_start :]
    page = PageInput(name, front_matter.data, 0, name)
    result = fixture_site().apply(body, page)
    assert result.problems == []
    expected = (FIXTURE / "expected" / name).read_text("utf-8")
    assert result.text.splitlines() == expected.splitlines()


def test_jekyll_environment_is_the_build_s(utc: None) -> None:
    result = fixture_site("production").apply("{{ jekyll.environment }}", PageInput("x.md", {}))
    assert result.text == "production"


PAGE = PageInput("guides/restart.md", {"title": "Restart", "steps": ["a", "b"]}, 4, "x/")


def rendered(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    result = fixture_site().apply(text, PAGE)
    return result.text, [(p.line, p.column, p.message) for p in result.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A known value is printed in code too, as Jekyll prints it.
        ("```sh\necho {{ site.team.name }}\n```", "```sh\necho SRE\n```"),
        # Helm and GitHub Actions: not Liquid, or naming nothing known: as written, silently.
        ("```yaml\nimage: {{ .Values.image }}\n```", "```yaml\nimage: {{ .Values.image }}\n```"),
        ("```yaml\nt: ${{ secrets.TOKEN }}\n```", "```yaml\nt: ${{ secrets.TOKEN }}\n```"),
        ("`{{ github.sha | truncate: 7 }}`", "`{{ github.sha | truncate: 7 }}`"),
        # Another template language's tags stay as written in code ...
        (
            "```jinja\n{% for host in hosts %}{{ host }}{% endfor %}\n```",
            "```jinja\n{% for host in hosts %}{{ host }}{% endfor %}\n```",
        ),
        ("```jinja\n{% set x = 1 %}\n```", "```jinja\n{% set x = 1 %}\n```"),
        # ... while the tags content uses for code are rendered.
        ("```\n{% raw %}{{ x }}{% endraw %}\n```", "```\n{{ x }}\n```"),
        (
            '```\n{% include card.html title="T" %}```',
            "```\n[T|low]\n```",
        ),
        # Outside code, a loop's own variables print empty where unset, as in Jekyll.
        ("{% for p in page.steps %}[{{ p.nope }}]{% endfor %}", "[][]"),
    ],
)
def test_liquid_in_code(text: str, expected: str) -> None:
    assert rendered(text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a\n\nb {{ page.title | nope }}",
            (7, 19, "`{{ page.title | nope }}`: unknown filter 'nope'; left as written"),
        ),
        (
            "a\n{% if page.title %}\nb",
            (
                6,
                1,
                "`{% if page.title %}`: no matching `{% endif %}` before the end; left as written",
            ),
        ),
        (
            "{% endif %}",
            (5, 1, "`{% endif %}`: unexpected tag 'endif'; left as written"),
        ),
        (
            "x {{ site.titl }}",
            (
                5,
                3,
                "unknown variable `{{ site.titl }}`; left as written; did you mean `site.title`?",
            ),
        ),
        ("{{ nothing.here }}", (5, 1, "unknown variable `{{ nothing.here }}`; left as written")),
        (
            "{% include nope.html %}",
            (5, 1, "`{% include nope.html %}`: no file _includes/nope.html"),
        ),
        (
            "{{ 'x' | date_to_string }}",
            (
                5,
                1,
                "`{{ 'x' | date_to_string }}`: Invalid Date: 'x' is not a valid datetime; "
                "left as written",
            ),
        ),
    ],
)
def test_a_failure_is_left_as_written_and_named_at_its_line_and_column(
    text: str, expected: tuple[int, int, str]
) -> None:
    result, problems = rendered(text)
    assert problems == [expected]
    assert result == text


def test_the_rest_of_the_page_renders_around_a_failure() -> None:
    result, problems = rendered("{{ page.title }} {{ page.title | nope }} {{ site.team.name }}")
    assert result == "Restart {{ page.title | nope }} SRE"
    assert len(problems) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{% for a in (1..1000) %}{% for b in (1..1000) %}x{% endfor %}{% endfor %}",
            "loop iteration limit reached",
        ),
        ("{% if true %}" * 40 + "x" + "{% endif %}" * 40, "block nesting limit reached"),
        (
            '{% capture x %}{% for a in (1..1000) %}{{ "y" | append: "yyyyyyyyyyyyyyyyyy" }}'
            "{% endfor %}{% endcapture %}"
            "{% for a in (1..99) %}{{ x }}{{ x }}{% endfor %}",
            "the page would grow by more than 2 MiB",
        ),
    ],
    ids=["loops", "nesting", "output"],
)
def test_limits_stop_a_node_and_say_so(text: str, message: str) -> None:
    result, problems = rendered(text)
    (problem,) = problems
    assert message in problem[2]
    # The node that reached the limit is left as written (a capture before it shows nothing).
    assert text.endswith(result)
    assert result.startswith("{% for") or result.startswith("{% if")


def test_a_page_without_liquid_costs_no_render(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("rendered")

    monkeypatch.setattr(liquid_engine, "render_text", refused)
    monkeypatch.setattr(rewrite, "Source", refused)
    text = "# Page\n\nNo Liquid here: { braces } and 100% sure.\n"
    assert fixture_site().apply(text, PAGE).text == text


def test_positions_after_a_loop_map_back_to_the_page_as_written() -> None:
    text = (
        "{% for s in page.steps %}- {{ s }}\n{% endfor %}[a](b.md) {{ site.team.name }} [c](d.md)"
    )
    result = fixture_site().apply(text, PAGE)
    assert result.text == "- a\n- b\n[a](b.md) SRE [c](d.md)"
    for needle in ("[a](b.md)", "[c](d.md)"):
        assert result.offsets.written(result.text.index(needle)) == text.index(needle)
    assert result.offsets.written(result.text.index("- b")) == 0


def test_site_data_never_leaves_the_data_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("token: TOP-SECRET\n", "utf-8")
    data = tmp_path / "site" / "_data"
    data.mkdir(parents=True)
    (data / "leak.yml").symlink_to(secret)
    (data / "big.json").write_bytes(b"[" + b"1," * (600 * 1024) + b"1]")
    (data / "team").mkdir()
    (data / "team" / "oncall.yml").write_text("- Ana\n", "utf-8")
    os.mkfifo(data / "pipe.csv")
    assert load_data(str(data)) == {"team": {"oncall": ["Ana"]}}


def test_a_theme_include_the_site_lacks_renders_as_just_the_docs_prints_it() -> None:
    # Just the Docs' "code with line numbers" recipe, on a site that takes the theme as a gem.
    page = (
        "{% capture fence %}\n```sh\nmake deploy\n```\n{% endcapture %}\n"
        "{% assign fence = fence | markdownify %}\n"
        "{% include fix_linenos.html code=fence %}"
    )
    result, problems = rendered(page)
    assert problems == []
    assert re.search(r"<pre[^>]*><code[^>]*>make deploy</code></pre>", result), result
    assert "{%" not in result


def test_the_site_own_include_wins_over_the_theme_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    (site / "_includes" / "fix_linenos.html").write_text("own: {{ include.code }}", "utf-8")
    monkeypatch.setattr(sys.modules[__name__], "SITE", site)
    result, problems = rendered("{% include fix_linenos.html code='x' %}")
    assert problems == []
    assert result == "own: x"
