"""The channels between a run and its kernel, waited on in slices.

A kernel's reply reaches the run through a ZeroMQ socket, and the run's event loop learns of
it from the socket's file descriptor. That descriptor signals edges, not levels: when a
wake-up is missed (several runs at once in one process, each with its own loop), the loop
sleeps on although the message is there, and the wait lasts until its time-out, when
pyzmq looks at the socket itself and finds it. A cell that took a second was then recorded
as taking the whole cell time-out (120 s in the notebooks' benchmark) and, on an input
channel with no time-out, a run could wait for ever.

So every wait here is cut into slices of :data:`POLL_SLICE` seconds: each slice ends by
looking at the socket itself, and a missed wake-up costs at most one slice. The waiting
time as a whole, and its ``Empty`` at the end, are those the caller asked for.
"""

from __future__ import annotations

import time
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from traitlets import Type

POLL_SLICE = 0.5  # seconds: the longest a message that has arrived may wait unseen


class SlicedChannel(AsyncZMQSocketChannel):
    """A kernel channel whose ``get_msg`` waits in slices (module docstring)."""

    async def get_msg(self, timeout: float | None = None) -> dict:
        end = None if timeout is None else time.monotonic() + timeout
        while True:
            left = POLL_SLICE if end is None else max(0.0, end - time.monotonic())
            try:
                return await super().get_msg(timeout=min(POLL_SLICE, left))
            except Empty:
                if end is not None and time.monotonic() >= end:
                    raise


class SlicedClient(AsyncKernelClient):
    """A kernel client whose message channels are :class:`SlicedChannel`."""

    shell_channel_class = Type(SlicedChannel)
    iopub_channel_class = Type(SlicedChannel)
    stdin_channel_class = Type(SlicedChannel)
    control_channel_class = Type(SlicedChannel)
