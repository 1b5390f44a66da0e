"""The kernel channels wait in slices: a message whose wake-up was missed is taken at the end
of a slice, and the whole wait keeps the caller's time-out."""

import asyncio
from queue import Empty

import pytest
from jupyter_client.channels import AsyncZMQSocketChannel

from cgvlib.report import channels
from cgvlib.report.channels import POLL_SLICE, SlicedChannel


class Clock:
    """A clock that moves only when a wait ends without a message (by the time it asked)."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


@pytest.fixture
def socket_waits(monkeypatch):
    """The plain channel's waits, replaced: each call records its time-out; ``arrivals``
    says, per call, whether a message is found (else the clock moves by the time-out)."""
    clock = Clock()
    monkeypatch.setattr(channels.time, "monotonic", clock.monotonic)
    asked: list[float | None] = []
    arrivals: list[bool] = []

    async def get_msg(self, timeout=None):
        asked.append(timeout)
        if arrivals and arrivals.pop(0):
            return {"msg_type": "execute_reply"}
        clock.now += timeout
        raise Empty

    monkeypatch.setattr(AsyncZMQSocketChannel, "get_msg", get_msg)
    return asked, arrivals


def test_a_message_missed_by_its_wake_up_is_taken_at_the_next_slice(socket_waits):
    asked, arrivals = socket_waits
    # the message is there from the start, but the loop's first wait missed it (a 120 s wait
    # of the plain channel); the second slice finds it
    arrivals.extend([False, True])
    reply = asyncio.run(SlicedChannel.get_msg(object.__new__(SlicedChannel), timeout=120))
    assert reply == {"msg_type": "execute_reply"}
    assert asked == [POLL_SLICE, POLL_SLICE]


def test_the_whole_wait_keeps_the_callers_time_out(socket_waits):
    asked, _ = socket_waits
    with pytest.raises(Empty):
        asyncio.run(SlicedChannel.get_msg(object.__new__(SlicedChannel), timeout=1.2))
    # 1.2 s in slices of 0.5 s: 0.5 + 0.5 + 0.2, then no more
    assert asked == pytest.approx([0.5, 0.5, 0.2])


def test_a_wait_without_time_out_goes_on_slice_after_slice(socket_waits):
    asked, arrivals = socket_waits
    arrivals.extend([False, False, False, True])
    asyncio.run(SlicedChannel.get_msg(object.__new__(SlicedChannel)))
    assert asked == [POLL_SLICE] * 4


def test_the_runs_kernels_use_the_sliced_client():
    from cgvlib.report.batch import REPORT_KERNEL, this_python_kernel

    for launcher in ("ipykernel_launcher", REPORT_KERNEL):
        client = this_python_kernel(launcher)().client()
        try:
            assert isinstance(client.shell_channel, SlicedChannel)
            assert isinstance(client.iopub_channel, SlicedChannel)
        finally:
            client.stop_channels()  # their sockets closed
