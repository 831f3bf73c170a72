"""SIP attendant position pieces: the BLF watcher (raw SIP SUBSCRIBE over UDP)."""
