"""`page.superfences`: pymdownx.superfences' readers put fenced blocks back in one pass, and
the page comes out exactly as superfences' own reassembly makes it."""

from __future__ import annotations

import markdown
import pytest
from pymdownx.superfences import SuperFencesBlockPreprocessor

from mkdocs_playbook.page.superfences import linear_superfences

SAMPLE = """# Fences

```python
print("top")
```

- In a list:

    ```yaml
    key: value
    ```

> In a quote:
>
> ~~~
> quoted
> ~~~

````markdown
```
a shorter fence inside a longer one
```
````

	```
	a tab-indented fence
	```

```
never closed
"""


@pytest.mark.parametrize("preserve_tabs", [False, True])
def test_fences_come_back_as_superfences_puts_them(preserve_tabs: bool) -> None:
    def converted(linear: bool) -> str:
        md = markdown.Markdown(
            extensions=["pymdownx.superfences"],
            extension_configs={"pymdownx.superfences": {"preserve_tabs": preserve_tabs}},
        )
        name = "fenced_raw_block" if preserve_tabs else "fenced_code_block"
        reader = md.preprocessors[name]
        assert isinstance(reader, SuperFencesBlockPreprocessor)
        if linear:
            linear_superfences(md)
            # Replaced, so that the comparison below compares two ways of putting back.
            assert type(reader).__module__ == "mkdocs_playbook.page.superfences"
        return md.convert(SAMPLE)

    html = converted(linear=False)
    assert html.count("<pre") >= 5
    assert converted(linear=True) == html
