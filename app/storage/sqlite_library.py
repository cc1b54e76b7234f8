"""Process-wide settings of the SQLite library that sqlcipher3 carries, made before any connection."""

from __future__ import annotations

import ctypes
import logging

import sqlcipher3

log = logging.getLogger(__name__)

SQLITE_OK = 0
SQLITE_CONFIG_MEMSTATUS = 9
IDLE_BYTES = 96 * 1024
"""What the library holds with no connection open (about 48 KiB after SQLCipher's start; one connection
adds about 60): above this, a connection may exist and the library must not be shut down."""


def disable_memory_statistics() -> bool:
    """Turn off SQLite's count of the bytes it allocates; True when it is off.

    The count serialises every allocation of every connection on one global mutex: two report sections
    run at once (the indicators' two lanes) each took 20-45 % longer than alone, and both lanes together
    little less than one. The setting can change only while the library is shut down, which is allowed
    only with no connection open: this runs once, when `app.storage` is first imported, and does nothing
    if the library already holds more than a library alone does. Where the extension does not export the
    library's functions (a Windows .pyd exports only its module's entry point), nothing changes.
    """
    try:
        library = ctypes.CDLL(sqlcipher3._sqlite3.__file__)
        used = library.sqlite3_memory_used
        shutdown, config, initialize = (
            library.sqlite3_shutdown,
            library.sqlite3_config,
            library.sqlite3_initialize,
        )
    except (OSError, AttributeError):
        log.info("SQLite's memory statistics stay on: the library's functions are not reachable")
        return False
    used.restype = ctypes.c_int64
    before = int(used())
    if before == 0:
        return True  # already off (counted bytes read 0 only then: the library itself holds some)
    if before > IDLE_BYTES:
        log.warning("SQLite's memory statistics stay on: a connection seems open (%d bytes)", before)
        return False
    if shutdown() != SQLITE_OK:
        return False
    turned_off = config(SQLITE_CONFIG_MEMSTATUS, ctypes.c_int(0)) == SQLITE_OK
    initialize()
    return turned_off
