"""The composition root: the one package that imports every other.

``main.py`` is the entry point; the wiring lives here, one module per area:
``startup`` (arguments, logging, database, the run), ``context`` (what the
wiring shares), ``position`` (training or SIP PBX, the headset), ``attendant``
(queue, caller panel, directory, call keys), ``pages`` (rooms, messages,
logbook, hotel information, board, arrivals, the change feed), ``wakeups``
(the wake-up page, its alarms, the dialler process), ``links`` (PMS and call
records, the link monitor), ``session`` (sign-in, shifts, handovers),
``reports`` and ``settings_edit``. No other package imports this one.
"""
