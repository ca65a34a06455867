"""External links fetched in online mode, a few at a time, remembered in a small on-disk cache.

Off by default: CI builds offline. A URL answered with a status below 400 is good; its
result is kept for `max_age` seconds so a rebuild does not fetch it again. Failures are not
cached, so a fixed server or network is seen at the next build.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

_USER_AGENT = "mkdocs-playbook link check"
# Servers that refuse HEAD answer these; the same URL is then fetched with GET.
_HEAD_REFUSED = frozenset({403, 405, 501})


@dataclass(frozen=True)
class Settings:
    cache_path: str
    """JSON file of good URLs and when they were checked; empty: no cache."""
    max_age: float = 86400.0
    concurrency: int = 4
    timeout: float = 10.0


def broken_urls(urls: Iterable[str], settings: Settings) -> dict[str, str]:
    """Each URL of `urls` that does not answer, with what went wrong (`HTTP 404`, `timed out`)."""
    now = time.time()
    cache = _read_cache(settings.cache_path)
    fresh = {url for url, checked in cache.items() if now - checked < settings.max_age}
    pending = sorted(set(urls) - fresh)
    with ThreadPoolExecutor(max_workers=max(1, settings.concurrency)) as pool:
        answers = pool.map(lambda url: _problem(url, settings.timeout), pending)
        results = dict(zip(pending, answers, strict=True))
    for url, problem in results.items():
        if problem is None:
            cache[url] = now
    if settings.cache_path and pending:
        _write_cache(settings.cache_path, cache)
    return {url: problem for url, problem in results.items() if problem is not None}


def _problem(url: str, timeout: float) -> str | None:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": _USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in _HEAD_REFUSED:
                continue
            return f"HTTP {error.code}"
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return str(reason) or type(error).__name__
    return None


def _read_cache(path: str) -> dict[str, float]:
    if not path or not os.path.exists(path):
        return {}
    try:
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
    except (OSError, ValueError):
        return {}  # a damaged cache is only a slower build
    if not isinstance(data, dict):
        return {}
    return {k: float(v) for k, v in data.items() if isinstance(v, (int, float))}


def _write_cache(path: str, cache: dict[str, float]) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as stream:
        json.dump(cache, stream, indent=0, sort_keys=True)
    os.replace(temporary, path)
