from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.liquid import site_variables, substitute
from mkdocs_playbook.page.source import Source

VARIABLES = site_variables(
    site_name="AdvisorOS Operations",
    site_url="https://ops.example.com/playbook/",
    site_description="Ops",
    site_author=None,
    repository_url="https://github.com/advisoros/advisoros/",
    extra={"support": {"email": "oncall@example.com"}},
)


def test_site_variables_from_mkdocs_settings() -> None:
    assert VARIABLES == {
        "site.title": "AdvisorOS Operations",
        "site.url": "https://ops.example.com",
        "site.baseurl": "/playbook",
        "site.description": "Ops",
        "site.github.repository_url": "https://github.com/advisoros/advisoros",
        "site.github.repository_nwo": "advisoros/advisoros",
        "site.github.owner_name": "advisoros",
        "site.github.repository_name": "advisoros",
        "site.github.project_title": "advisoros",
        "site.support.email": "oncall@example.com",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[a]({{ site.github.repository_url }}/blob/main/X.md)",
            "[a](https://github.com/advisoros/advisoros/blob/main/X.md)",
        ),
        (
            "{{site.title}} and {{- site.title -}} x",
            "AdvisorOS Operations andAdvisorOS Operationsx",
        ),
        (
            "```\ngit clone {{ site.github.repository_url }}\n```",
            "```\ngit clone https://github.com/advisoros/advisoros\n```",
        ),
        ("{% raw %}{{ site.title }}{% endraw %}", "{{ site.title }}"),
        (
            "{%- raw -%}\n```\n{{ site.title }}\n```\n{%- endraw -%}",
            "\n```\n{{ site.title }}\n```\n",
        ),
        ("`{{ .Values.image }}` and ```{{ x }}```", "`{{ .Values.image }}` and ```{{ x }}```"),
        ("```yaml\nimage: {{ .Values.image }}\n```", "```yaml\nimage: {{ .Values.image }}\n```"),
        ('JSON {"a": {"b": 1}}', 'JSON {"a": {"b": 1}}'),
    ],
)
def test_substitutes_known_values_only(text: str, expected: str) -> None:
    result, problems, _ = substitute(Source(text), VARIABLES)
    assert result == expected
    assert problems == []


@pytest.mark.parametrize(
    ("text", "offset", "message"),
    [
        (
            "Hi {{ site.titel }}",
            3,
            "unknown variable `{{ site.titel }}`; left as written; did you mean `site.title`?",
        ),
        ("{{ site.title | }}", 0, "`{{ site.title | }}`: "),
        # At the filter's name: the column says which part failed.
        ("{{ site.title | nope }}", 16, "`{{ site.title | nope }}`: unknown filter 'nope'"),
        ("x\n{% include toc.md %}", 2, "`{% include toc.md %}`: the site's folder is not known"),
        ("{% raw %} never closed", 0, "`{% raw %}` has no matching `{% endraw %}`"),
        ("{% for x in %}{% endfor %}", 0, "`{% for x in %}{% endfor %}`: "),
    ],
)
def test_reports_what_it_cannot_substitute(text: str, offset: int, message: str) -> None:
    result, problems, _ = substitute(Source(text), VARIABLES)
    assert result == text
    (problem,) = problems
    assert problem.offset == offset
    assert message in problem.message


def test_page_cannot_run_code() -> None:
    text = "{{ site.__class__ }} {{ ''.__class__.__mro__ }} {% for x in (1..3) %}{{x}}{% endfor %}"
    result, problems, _ = substitute(Source(text), VARIABLES)
    # Python's attributes are no Liquid names: left as written, reported; the loop runs.
    assert result == "{{ site.__class__ }} {{ ''.__class__.__mro__ }} 123"
    assert [problem.offset for problem in problems] == [0, 26]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Liquid comment shows nothing.
        ("a {% comment %}not {{ site.nope }}{% endcomment %}b", "a b"),
        # highlight becomes a fence on lines of its own; raw inside it stays raw, its
        # endhighlight included (Just the Docs' own docs write this).
        (
            "{% highlight yaml %}\n{% raw %}{% highlight x %}\n{% endhighlight %}{% endraw %}\n"
            "{% endhighlight %}\nafter",
            "```yaml\n{% highlight x %}\n{% endhighlight %}\n```\nafter",
        ),
        # Backticks in the code make the fence longer.
        (
            "{% highlight md %}\n```\ncode\n```\n{% endhighlight %}",
            "````md\n```\ncode\n```\n````",
        ),
        # Tags inline in a paragraph still give fences on their own lines.
        ("x {% highlight sh %}ls{% endhighlight %} y", "x \n```sh\nls\n``` y"),
    ],
    ids=["comment", "highlight-with-raw", "highlight-long-fence", "highlight-inline"],
)
def test_blocks_content_uses(text: str, expected: str) -> None:
    result, problems, _ = substitute(Source(text), VARIABLES)
    assert (result, problems) == (expected, [])


def test_line_numbers_only_where_the_site_shows_them() -> None:
    text = "{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}"
    with_numbers, _, _ = substitute(Source(text), VARIABLES, line_numbers=True)
    assert with_numbers.startswith('```{.ruby linenums="1"}\n')
    without, _, _ = substitute(Source(text), VARIABLES)
    assert without.startswith("```ruby\n")


def test_positions_after_a_substitution_map_back_to_the_text_as_written() -> None:
    text = "On {{ site.title }}: [a](b.md) {% raw %}{{ x }}{% endraw %} [c](d.md)"
    result, _, offsets = substitute(Source(text), VARIABLES)
    assert result == "On AdvisorOS Operations: [a](b.md) {{ x }} [c](d.md)"
    for needle in ("b.md", "d.md", "{{ x }}"):
        assert offsets.written(result.index(needle)) == text.index(needle), needle
    # Inside a substituted value: where the variable was written.
    assert offsets.written(result.index("Operations")) == text.index("{{ site.title }}")
