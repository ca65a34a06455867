"""`python -m <module> ...` run as a child forked from a Python that has already imported
MkDocs, Material, Python-Markdown and the plugin, so that a test's build does not pay again for
those imports (most of a small build's processor time).

The child is the command as `subprocess.run` would run it: its own process, started from an
interpreter that has run nothing but those imports, in the given folder and environment, with
`sys.path[0]` that folder (as `-m` sets it), its standard output and error captured apart, its
exit status its return code. Tests that time a build's processor time run a fresh interpreter
instead (`support.run_build(..., fresh=True)`): the parent's children's time would miss it.
"""

from __future__ import annotations

import atexit
import json
import locale
import os
import runpy
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

FOR_MODULES = ("mkdocs", "mkdocs_playbook")
"""The modules run warm. Others start afresh: `properdocs` (MkDocs' fork) is MkDocs under
another name, and refuses Material's plugins once MkDocs' own classes are imported."""

PREIMPORTED = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.contrib.search",
    "mkdocs.structure.pages",
    "mkdocs.theme",
    "material.plugins.search.plugin",
    "material.extensions.emoji",
    "mkdocs_playbook.plugin",
    "mkdocs_playbook.__main__",
    "markdown",
    "markdown.extensions.toc",
    "markdown.extensions.tables",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.footnotes",
    "markdown.extensions.def_list",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.details",
    "pymdownx.tasklist",
    "pygments.lexers",
    "jinja2",
    "yaml",
)
"""What the waiting Python imports before it forks: what every build imports."""


def _child(request: dict[str, object]) -> int:
    """Runs the request's module as `__main__` in this (forked) process; its exit status."""
    cwd = str(request["cwd"])
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(request["env"])  # type: ignore[arg-type]
    # Standard input is not the waiting Python's requests; output goes to the request's files.
    for fd, path, flags in (
        (0, os.devnull, os.O_RDONLY),
        (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ):
        opened = os.open(str(path), flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.path[0] = cwd
    arguments = [str(a) for a in request["arguments"]]  # type: ignore[attr-defined]
    sys.argv = ["-m", *arguments[1:]]
    code = 0
    try:
        runpy.run_module(arguments[0], run_name="__main__", alter_sys=True)
    except SystemExit as exit_:
        # As the interpreter reads SystemExit: None is 0, a text is printed and is 1.
        if exit_.code is None:
            code = 0
        elif isinstance(exit_.code, int):
            code = exit_.code
        else:
            print(exit_.code, file=sys.stderr)
            code = 1
    except BaseException:  # as the interpreter reports an uncaught one
        traceback.print_exc()
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    return code & 0xFF


def serve() -> None:
    """Imports PREIMPORTED, then for each JSON request read from standard input forks a child
    that runs it, writing its pid and then its exit status as lines to standard output."""
    # The folder of this file is no part of the children's path: theirs is their folder.
    sys.path.pop(0)
    # Answers go out on their own descriptor: nothing an import prints can mix with them.
    answers = os.dup(1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    for name in PREIMPORTED:
        __import__(name)
    requests = os.fdopen(0, "r", encoding="utf-8")
    for line in requests:
        request = json.loads(line)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(answers)
                code = _child(request)
            finally:
                os._exit(code)
        os.write(answers, f"{pid}\n".encode())
        _, status = os.waitpid(pid, 0)
        os.write(answers, f"{os.waitstatus_to_exitcode(status)}\n".encode())


class _Server:
    """One waiting Python for this process, started on first use, ended with it."""

    def __init__(self, env: dict[str, str]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="warm-python-"))
        self.process = subprocess.Popen(
            [sys.executable, __file__],
            cwd=self.folder,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.lock = threading.Lock()
        atexit.register(self.close)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()  # type: ignore[union-attr]
            self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _line(self, timeout: float | None) -> str:
        out = self.process.stdout
        assert out is not None
        ready, _, _ = select.select([out], [], [], timeout)
        line = out.readline().decode() if ready else ""
        return line

    def run(
        self, cwd: Path, env: dict[str, str], arguments: list[str], timeout: float
    ) -> subprocess.CompletedProcess[str]:
        with self.lock, tempfile.TemporaryDirectory(dir=self.folder) as folder:
            stdout, stderr = Path(folder, "stdout"), Path(folder, "stderr")
            request = {
                "cwd": str(Path(cwd).resolve()),
                "env": env,
                "arguments": arguments,
                "stdout": str(stdout),
                "stderr": str(stderr),
            }
            assert self.process.stdin is not None
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            self.process.stdin.flush()
            pid = int(self._line(30))
            status = self._line(timeout)
            if not status:
                os.kill(pid, signal.SIGKILL)
                self._line(30)
                raise subprocess.TimeoutExpired([sys.executable, "-m", *arguments], timeout)
            # Read as `subprocess.run(..., text=True)` decodes: the locale's, newlines as \n.
            encoding = locale.getpreferredencoding(False)
            return subprocess.CompletedProcess(
                [sys.executable, "-m", *arguments],
                int(status),
                stdout.read_text(encoding=encoding),
                stderr.read_text(encoding=encoding),
            )


_server: _Server | None = None


def run_module(
    cwd: Path, env: dict[str, str], *arguments: str, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """`python -m <arguments>` in `cwd` with the environment `env`, forked warm (see above)."""
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = _Server(env)
    return _server.run(cwd, env, list(arguments), timeout)


if __name__ == "__main__":
    serve()
