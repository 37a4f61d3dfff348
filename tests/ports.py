"""A free local port from a range a test was given (helpers sharing this machine each own a range)."""

from __future__ import annotations

import socket


def free_port_in(ports: range) -> int:
    """The first port of `ports` nothing listens on at 127.0.0.1; RuntimeError when all are busy."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"Expected a free port in {ports.start}-{ports.stop - 1}. Received: all busy")
