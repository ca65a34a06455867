"""One problem type (`findings.Finding`, in file coordinates) from every producer, named with
the build's path by the one place that reports a page's problems (`Findings.add_page`)."""

from __future__ import annotations

import markdown

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.findings import Finding, Findings
from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.navigation import NavSource, build_nav
from mkdocs_playbook.jekyll.rewrite import PageInput
from mkdocs_playbook.jekyll.site_config import parse_site_config
from mkdocs_playbook.links.check import LinkFinding
from mkdocs_playbook.page.model import PageModel


def _page_problems() -> list[Finding]:
    models: list[PageModel] = []
    playbook = PlaybookExtension(on_page_model=models.append)
    md = markdown.Markdown(extensions=[playbook, "attr_list"])
    playbook.hand_over(PageInput("a.md", {}, first_line=3))
    md.convert('A paragraph\n{: onclick="alert(1)" }\n\n{{ site.nowhere }}\n')
    (model,) = models
    return model.problems


def test_every_producer_makes_a_finding() -> None:
    front_matter = parse_front_matter("---\ntitle: [\n---\nbody\n").problem
    config = parse_site_config("title: [\n", "docs/_config.yml").problem
    warnings = parse_site_config("callouts: 3\n", "docs/_config.yml").warnings
    _, nav = build_nav([NavSource("a.md", "A", parse_front_matter("---\nparent: [1]\n---\n"))])
    found = [front_matter, config, *warnings, *nav, *_page_problems()]
    assert found and all(type(problem) is Finding for problem in found)
    assert issubclass(LinkFinding, Finding)


def test_a_page_s_problems_are_named_in_its_file_by_the_build() -> None:
    findings = Findings()
    findings.add_page("docs/a.md", _page_problems())
    shown = [str(finding) for finding in findings.sorted()]
    assert [line.split(": ", 1)[0] for line in shown] == ["docs/a.md:5:1", "docs/a.md:7:1"]
    assert "onclick" in shown[0] and "site.nowhere" in shown[1]


def test_nav_and_config_problems_keep_their_lines_and_messages() -> None:
    config = parse_site_config("title: [\n", "docs/_config.yml").problem
    assert config is not None
    assert str(config).startswith("docs/_config.yml:2: malformed _config.yml:")
    text = "---\ntitle: A\nparent: [1]\n---\n"
    (problem,) = build_nav([NavSource("a.md", "A", parse_front_matter(text))])[1]
    assert (problem.path, problem.line) == ("a.md", 3)
    assert str(problem.at_path("docs/a.md")).startswith("docs/a.md:3: parent must be a page")
