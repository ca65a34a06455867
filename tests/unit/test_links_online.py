"""Online mode against a local HTTP server: statuses, the cache and the bound on concurrency."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mkdocs_playbook.links.external import Settings, broken_urls


class _Server(ThreadingHTTPServer):
    requests: list[tuple[str, str]]
    in_flight: int
    most_in_flight: int
    lock: threading.Lock


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _answer(self) -> None:
        with self.server.lock:
            self.server.requests.append((self.command, self.path))
            self.server.in_flight += 1
            self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
        time.sleep(0.02)  # overlap the requests, so the bound on concurrency shows
        with self.server.lock:
            self.server.in_flight -= 1
        if self.path.startswith("/no-head") and self.command == "HEAD":
            self.send_response(405)
        elif self.path.startswith("/gone"):
            self.send_response(404)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.requests, httpd.in_flight, httpd.most_in_flight = [], 0, 0
    httpd.lock = threading.Lock()
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def base(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def test_statuses_and_refused_head(server: _Server, tmp_path: Path) -> None:
    urls = [f"{base(server)}/ok", f"{base(server)}/gone", f"{base(server)}/no-head"]
    assert broken_urls(urls, Settings(str(tmp_path / "c.json"))) == {urls[1]: "HTTP 404"}
    assert ("GET", "/no-head") in server.requests


def test_unreachable_host_is_broken(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"  # nothing listens there
    problems = broken_urls([url], Settings("", timeout=2))
    assert list(problems) == [url] and problems[url]


def test_good_answers_are_cached_and_failures_are_not(server: _Server, tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "links.json"
    urls = [f"{base(server)}/ok", f"{base(server)}/gone"]
    broken_urls(urls, Settings(str(cache)))
    assert list(json.loads(cache.read_text(encoding="utf-8"))) == [urls[0]]
    server.requests.clear()
    assert broken_urls(urls, Settings(str(cache))) == {urls[1]: "HTTP 404"}
    assert server.requests == [("HEAD", "/gone")]


def test_stale_cache_entries_are_fetched_again(server: _Server, tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    url = f"{base(server)}/ok"
    cache.write_text(json.dumps({url: time.time() - 7200}), encoding="utf-8")
    broken_urls([url], Settings(str(cache), max_age=3600))
    assert server.requests == [("HEAD", "/ok")]


def test_a_damaged_cache_is_ignored(server: _Server, tmp_path: Path) -> None:
    cache = tmp_path / "links.json"
    cache.write_text("{not json", encoding="utf-8")
    assert broken_urls([f"{base(server)}/ok"], Settings(str(cache))) == {}
    assert server.requests == [("HEAD", "/ok")]


def test_concurrency_is_bounded(server: _Server, tmp_path: Path) -> None:
    urls = [f"{base(server)}/ok/{n}" for n in range(12)]
    assert broken_urls(urls, Settings("", concurrency=3)) == {}
    assert len(server.requests) == 12
    assert 1 <= server.most_in_flight <= 3
