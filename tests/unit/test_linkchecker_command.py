"""LinkChecker keeps AnchorCheck when, run as root, it may no longer read its own plugin folder."""

from __future__ import annotations

import pkgutil

import linkchecker_command
import pytest
from linkcheck import plugins
from linkcheck.configuration import Configuration


def _anchor_checking_manager() -> plugins.PluginManager:
    config = Configuration()
    config["enabledplugins"] = ["AnchorCheck"]
    config["AnchorCheck"] = {}
    return plugins.PluginManager(config)


def _folder_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    # What `nobody` sees of a virtualenv under a 0700 folder: listing it yields nothing.
    monkeypatch.setattr(pkgutil, "iter_modules", lambda *args, **kwargs: iter(()))


def test_without_preloading_an_unreadable_plugin_folder_loses_anchorcheck(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _folder_unreadable(monkeypatch)
    assert _anchor_checking_manager().content_plugins == []


def test_preloaded_plugins_survive_an_unreadable_plugin_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(plugins, "get_plugin_modules", plugins.get_plugin_modules)
    assert "AnchorCheck" in linkchecker_command.preload_plugins()
    _folder_unreadable(monkeypatch)
    manager = _anchor_checking_manager()
    assert [type(plugin).__name__ for plugin in manager.content_plugins] == ["AnchorCheck"]


def test_a_linkchecker_without_anchorcheck_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plugins, "get_plugin_modules", plugins.get_plugin_modules)
    _folder_unreadable(monkeypatch)
    with pytest.raises(SystemExit, match=r"no AnchorCheck plugin .*anchors would go unchecked"):
        linkchecker_command.preload_plugins()
