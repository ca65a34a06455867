"""A folder served on 127.0.0.1 in a background thread: LinkChecker, the browser tests and the
benchmarks all read the built site over HTTP, as a reader's browser does."""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the folder with `headers` on every answer and no request log: the caller
    reports what matters. Subclass it for more (a report endpoint, say)."""

    headers_to_send: Mapping[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Browsers and LinkChecker hang up once they have what they need; anything else is a
        # fault in a handler and is printed.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve(
    directory: Path,
    *,
    headers: Mapping[str, str] | None = None,
    handler: type[QuietHandler] = QuietHandler,
    host: str = "127.0.0.1",
) -> Iterator[str]:
    """`directory` on a free port of `host` for the block; yields its base URL (with `/`)."""
    answering = type("Handler", (handler,), {"headers_to_send": dict(headers or {})})
    server = _Server((host, 0), functools.partial(answering, directory=str(directory)))
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
