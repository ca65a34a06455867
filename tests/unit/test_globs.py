"""Jekyll's `exclude` globs match as Ruby's `File.fnmatch?` does without flags."""

from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.globs import compile_glob, fnmatch


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        # Ruby's own examples (`File.fnmatch` in Ruby's documentation), without flags.
        ("cat", "cat", True),
        ("cat", "category", False),
        ("c{at,ub}s", "cats", False),
        ("c{at,ub}s", "c{at,ub}s", True),
        ("c?t", "cat", True),
        ("c??t", "cat", False),
        ("c*", "cats", True),
        ("c*t", "c/a/b/t", True),
        ("ca[a-z]", "cat", True),
        ("ca[^t]", "cat", False),
        ("ca[!t]", "cab", True),
        ("cat", "CAT", False),
        ("?", "/", True),
        ("*", "/", True),
        ("[/]", "/", True),
        ("\\?", "?", True),
        ("\\a", "a", True),
        ("\\*", "a", False),
        ("*", ".profile", False),
        (".*", ".profile", True),
        ("*", "dave/.profile", True),
        ("**/foo", "a/b/c/foo", True),
        ("**/foo", "a/.b/c/foo", True),
        ("**/foo", "foo", False),
        ("**.rb", "main.rb", True),
        ("**.rb", "./main.rb", False),
        ("**.rb", "lib/song.rb", True),
        # Classes: ranges, reversed ranges, escapes, `]` first, unclosed.
        ("[a-c]x", "bx", True),
        ("[a-c]x", "dx", False),
        ("[z-a]", "z", True),
        ("[z-a]", "a", True),
        ("[z-a]", "m", False),
        ("[]a]", "a", False),
        ("[!]", "q", True),
        ("[\\]]", "]", True),
        ("[a-]", "-", True),
        ("[a*", "[ab", False),
        ("[a*", "a", False),
        # Stars: anywhere, several, none left for the tail.
        ("*", "", True),
        ("a*", "a", True),
        ("*a", "a", True),
        ("a*a", "a", False),
        ("a*b*c", "axxbyyc", True),
        ("a*b*c", "axxcyyb", False),
        ("*ab*ab*", "abab", True),
        ("*ab*ab*", "aba", False),
        ("*.md", "/source/docs/a.md", True),
        ("/source/_*", "/source/_drafts/x.md", True),
        ("*" + "a*" * 11 + "b", "a" * 44, False),
        ("*" + "a*" * 11 + "b", "a" * 44 + "b", True),
    ],
)
def test_a_glob_matches_as_rubys_fnmatch(pattern: str, path: str, matches: bool) -> None:
    assert fnmatch(pattern, path) is matches


def test_a_run_of_stars_is_one_star() -> None:
    assert compile_glob("a***b") == compile_glob("a*b")
