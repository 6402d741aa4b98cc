"""Work done ahead in a second process, forked from the build's: the parts.

Pure helpers, no MkDocs events. `Ahead` forks a process that starts with
everything the build has made so far, runs some work and sends its results
back by key. `FromBothEnds` shares a list of items with it: the build works
from the first, the second process from the last, and they meet. `Logged`
makes that process note what it logs instead of printing it, so the build
can redo the work and log it once, where `mkdocs build --strict` counts
warnings. Only Linux forks (`CAN_FORK`): forking a process with threads is
unsafe on macOS and impossible on Windows.
"""

from __future__ import annotations

import contextlib
import logging
import mmap
import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Callable, Hashable
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: never forks (CAN_FORK)
    fcntl = None  # type: ignore[assignment]

Send = Callable[[Hashable, Any], None]

CAN_FORK = sys.platform == "linux"
PATIENCE = 60.0  # seconds to wait for one result before doing the rest here


class Ahead:
    """A second process, forked from the build's, and what it has sent that is not used yet.

    It runs `work`, which sends results by key. The build takes each when
    it needs it; None means "do it yourself" (nothing was sent for it, the
    process stopped, or nothing came for `PATIENCE` seconds).
    """

    def __init__(self, work: Callable[[Send], None]) -> None:
        self._sent: dict[Hashable, Any] = {}
        self._finished = False
        self._arrived = threading.Condition()
        reader, writer = os.pipe()
        _widen(writer)
        self._pid = os.fork()
        if self._pid == 0:  # the second process: work, send, and leave
            os.close(reader)
            code = 1
            try:
                work(lambda key, value: _write_all(writer, _frame((key, value))))
                code = 0
            finally:
                os._exit(code)  # not exit(): no atexit handlers or buffers of the build's
        os.close(writer)
        self._reader = reader
        self._receiver = threading.Thread(target=self._receive, daemon=True)
        self._receiver.start()

    def take(self, key: Hashable) -> Any:
        """What was sent for `key`, waiting for it if need be; None: do that work here."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: key in self._sent or self._finished, PATIENCE):
                self._finished = True  # stuck: do the rest here
            return self._sent.pop(key, None)

    def take_if_sent(self, key: Hashable) -> Any:
        """What was sent for `key` already, without waiting; None: do that work here."""
        with self._arrived:
            return self._sent.pop(key, None)

    def stop(self) -> None:
        """End the second process (it has usually finished) and wait for it.

        Once it has gone, its end of the pipe is closed, so the thread that
        reads it ends too: nothing of it is left running if the build forks
        again.
        """
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)
        self._receiver.join()
        os.close(self._reader)

    def _receive(self) -> None:
        """Read whatever has arrived, in one go, and keep every whole result in it.

        One large read, not one per result: this thread needs the GIL after
        every read, and while the build's own thread is busy it gets it only
        every few milliseconds (sys.getswitchinterval). Reading results one
        by one kept the second process waiting on a full pipe.
        """
        pending = b""
        try:
            while chunk := os.read(self._reader, _READ_SIZE):
                results, pending = _unframe(pending + chunk)
                with self._arrived:
                    self._sent.update(results)
                    self._arrived.notify_all()
        except OSError:
            pass
        finally:
            with self._arrived:
                self._finished = True
                self._arrived.notify_all()


_HEADER = struct.Struct("!Q")  # each result: its length, then the pickled (key, value)
_READ_SIZE = 1 << 20


def _frame(item: tuple[Hashable, Any]) -> bytes:
    data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _unframe(data: bytes) -> tuple[list[tuple[Hashable, Any]], bytes]:
    """The whole results at the start of `data`, and what is left of it."""
    results, at = [], 0
    while len(data) - at >= _HEADER.size:
        (size,) = _HEADER.unpack_from(data, at)
        end = at + _HEADER.size + size
        if end > len(data):
            break
        # S301: written by our own fork, through a pipe no other process holds
        results.append(pickle.loads(data[at + _HEADER.size : end]))  # noqa: S301
        at = end
    return results, data[at:]


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _widen(fd: int) -> None:
    """Let the pipe hold 1 MiB, so the second process rarely waits for the build to read."""
    with contextlib.suppress(AttributeError, OSError):  # F_SETPIPE_SZ: Linux only
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _READ_SIZE)  # type: ignore[union-attr]


class FromBothEnds:
    """A list of items worked on from both ends: the build from the first, another from the last.

    `work(index)` runs in the second process and gives what it sends for
    that item (None: "do it yourself"). A counter in memory both processes
    share holds the furthest item the build has reached; the second process
    stops when it gets there, so the two meet where their speeds take them.
    """

    def __init__(self, count: int, work: Callable[[int], Any]) -> None:
        self._reached = mmap.mmap(-1, 8)  # anonymous and shared: the fork sees it
        self._set_reached(-1)
        self._ahead = Ahead(lambda send: self._work_back(send, count, work))

    def take(self, index: int) -> Any:
        """What the second process sent for item `index`, if it has; None: do it here."""
        self._set_reached(max(index, self._get_reached()))
        return self._ahead.take_if_sent(index)

    def stop(self) -> None:
        self._ahead.stop()
        self._reached.close()

    def _get_reached(self) -> int:
        return struct.unpack_from("q", self._reached)[0]

    def _set_reached(self, index: int) -> None:
        struct.pack_into("q", self._reached, 0, index)

    def _work_back(self, send: Send, count: int, work: Callable[[int], Any]) -> None:
        for index in range(count - 1, -1, -1):
            if index <= self._get_reached():
                return
            try:
                result = work(index)
            except Exception:  # the build does it, and reports the error
                result = None
            send(index, result)


class Logged(logging.Handler):
    """In the second process: notes any message at `level` or above, and prints nothing."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True

    @classmethod
    def instead_of_logging(cls, level: int) -> Logged:
        """Replace every log handler (MkDocs' and the root's) with one of these."""
        handler = cls(level)
        for name in ("", "mkdocs"):
            logging.getLogger(name).handlers = [handler]
        logging.getLogger("mkdocs").propagate = False
        return handler
