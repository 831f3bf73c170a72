"""FIAS (the hotel PMS interface) without I/O: framing, records, the PBX-side link session."""
