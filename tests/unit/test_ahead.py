"""Work ahead in a forked second process (hooks/ahead.py)."""

from __future__ import annotations

import os

import pytest

import ahead
from ahead import Ahead, FromBothEnds

needs_fork = pytest.mark.skipif(not ahead.CAN_FORK, reason="only Linux forks")


def test_results_split_anywhere_across_reads_come_out_whole() -> None:
    items = [("a", 1), ("page/", "x" * 5000), (3, None), ("last", {"k": [1, 2]})]
    data = b"".join(ahead._frame(item) for item in items)
    for cut in range(len(data) + 1):
        first, rest = ahead._unframe(data[:cut])
        second, left = ahead._unframe(rest + data[cut:])
        assert first + second == items and left == b""


@needs_fork
def test_results_arrive_by_key_even_larger_than_the_pipe() -> None:
    big = "y" * (3 << 20)  # three times the pipe's 1 MiB

    def work(send: ahead.Send) -> None:
        send("small", os.getpid())
        send("big", big)

    second = Ahead(work)
    try:
        assert second.take("small") != os.getpid()  # sent by the other process
        assert second.take("big") == big
        assert second.take("never sent") is None  # the process ended: do it here
    finally:
        second.stop()


@needs_fork
def test_both_ends_cover_every_item_once_between_them() -> None:
    done_here: list[int] = []
    both = FromBothEnds(200, lambda i: (i, os.getpid()))
    try:
        for i in range(200):
            sent = both.take(i)
            if sent is None:
                done_here.append(i)
            else:
                assert sent[0] == i and sent[1] != os.getpid()
    finally:
        both.stop()
    assert done_here == list(range(len(done_here)))  # the build's share: from the first
