"""SMDR/CDR call records from the PBX, without I/O: bytes in, CallRecord out."""
