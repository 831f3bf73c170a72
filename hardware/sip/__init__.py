"""SIP attendant position: the ringing front, the pjsua2 line, the position itself, the BLF watcher."""
