#ifndef C_SQLITE_WAL_WRITES_H
#define C_SQLITE_WAL_WRITES_H

/// Makes the default VFS one that writes each commit's WAL frames in one `pwrite` instead of two
/// per frame (see WALWrites.c). Safe to call more than once; returns an SQLite result code.
int frontdesk_wal_writes_register(void);

#endif
