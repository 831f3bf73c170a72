"""Opening the outside links' ports by URL through pyserial: RS-232, a pty, ``socket://host:port``."""

from __future__ import annotations

import serial


def open_port(
    url: str, *, timeout: float, baudrate: int = 9600, parity: str = "N", bytesize: int = 8, stopbits: int = 1
) -> serial.SerialBase:
    """The port, open, with nothing it received thrown away.

    pyserial empties the input when it opens a port; a peer that sends the moment the connection
    is made (a PBX its buffered call records, a PMS its records still to be acknowledged) would lose
    them. Raises what pyserial raises (``SerialException``, ``OSError``, ``ValueError``)."""
    port = serial.serial_for_url(
        url,
        baudrate=baudrate,
        parity=parity,
        bytesize=bytesize,
        stopbits=stopbits,
        timeout=timeout,
        do_not_open=True,
    )
    port.reset_input_buffer = lambda: None
    port.open()
    return port
