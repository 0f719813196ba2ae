// A VFS shim over the default one that gathers the WAL frames a commit writes into one write.
//
// SQLite writes a commit's frames to the WAL one after the other, each as two writes: its 24-byte
// header, then its page. A booking's commit writes some fourteen pages, so twenty-eight `pwrite`s
// a booking, and the kernel's cost is per call more than per byte: on this server's machine a frame
// took 2.2 us as two calls and 0.5 us as part of one. This shim keeps the writes that follow each
// other in the WAL in a buffer and writes them as one: when the commit's last frame is written
// (its header carries the database's size, which only a commit frame's does), before anything
// else is done with the WAL file (a read, a sync, a truncation, a size, a write elsewhere), and
// before the commit is published: SQLite writes the new end of the WAL into the shared wal-index
// behind a memory barrier of the database file (`xShmBarrier`), which first writes what the
// connection's WAL holds back. No reader can see a frame before it is in the file.
//
// Nothing changes for durability: the frames of a commit reach the file before the commit returns,
// as before, and they are synced as before (`WALSync`). A process that dies with frames held back
// had not committed them. Every other file, and every other call, goes straight to the VFS below.
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

typedef struct ShimFile ShimFile;
struct ShimFile {
    sqlite3_file base;
    sqlite3_file *real;  // the file of the VFS below, stored right after this struct
    ShimFile *wal;       // a database file's WAL, while open: written back at its barrier
    ShimFile *database;  // a WAL's database file
    int isWAL;
    unsigned char *buffer;
    sqlite3_int64 start;  // where in the file the buffer goes
    int length, capacity;
    int lastFrame;        // the commit frame's header was the last write: its page comes next
    int failed;           // a write-back that could not report its error reports it next time
};

static sqlite3_vfs *below;
static sqlite3_vfs shim;
static const int headerSize = 24;           // a WAL frame's header
static const int largest = 4 << 20;         // writes held back at most, in bytes
static const int chunk = 124 << 10;         // the unix VFS writes less than 128 KB a call (`seekAndWrite`)

static int writeBack(ShimFile *file) {
    int rc = SQLITE_OK;
    for (int done = 0; done < file->length && rc == SQLITE_OK; done += chunk) {
        int amount = file->length - done < chunk ? file->length - done : chunk;
        rc = file->real->pMethods->xWrite(file->real, file->buffer + done, amount, file->start + done);
    }
    file->length = 0;
    return rc;
}

static int settle(ShimFile *file) {
    int rc = file->isWAL ? writeBack(file) : SQLITE_OK;
    if (rc == SQLITE_OK && file->failed) rc = file->failed;
    file->failed = SQLITE_OK;
    return rc;
}

static int shimClose(sqlite3_file *f) {
    ShimFile *file = (ShimFile *)f;
    int rc = settle(file);
    if (file->database) file->database->wal = NULL;
    if (file->wal) file->wal->database = NULL;
    free(file->buffer);
    file->buffer = NULL;
    int closed = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    return rc == SQLITE_OK ? closed : rc;
}

static int shimRead(sqlite3_file *f, void *data, int amount, sqlite3_int64 offset) {
    ShimFile *file = (ShimFile *)f;
    int rc = settle(file);
    return rc == SQLITE_OK ? file->real->pMethods->xRead(file->real, data, amount, offset) : rc;
}

static int shimWrite(sqlite3_file *f, const void *data, int amount, sqlite3_int64 offset) {
    ShimFile *file = (ShimFile *)f;
    if (!file->isWAL) return file->real->pMethods->xWrite(file->real, data, amount, offset);
    int rc = SQLITE_OK;
    if (file->length > 0 && (offset != file->start + file->length || file->length + amount > largest)) {
        rc = settle(file);
        if (rc != SQLITE_OK) return rc;
    }
    if (amount > chunk) {  // passed on as SQLite gave it, after what is held back
        rc = settle(file);
        return rc == SQLITE_OK ? file->real->pMethods->xWrite(file->real, data, amount, offset) : rc;
    }
    if (file->length + amount > file->capacity) {
        int capacity = file->capacity ? file->capacity : 64 << 10;
        while (capacity < file->length + amount) capacity *= 2;
        unsigned char *grown = realloc(file->buffer, capacity);
        if (!grown) {
            rc = settle(file);
            return rc == SQLITE_OK ? file->real->pMethods->xWrite(file->real, data, amount, offset) : rc;
        }
        file->buffer = grown;
        file->capacity = capacity;
    }
    if (file->length == 0) file->start = offset;
    memcpy(file->buffer + file->length, data, amount);
    file->length += amount;
    if (file->lastFrame) {
        file->lastFrame = 0;
        return settle(file);
    }
    // A frame's header past the WAL's own (32 bytes): bytes 4-7 are the database's size in pages
    // after a commit, on its last frame only, and zero on every other.
    const unsigned char *header = data;
    file->lastFrame = amount == headerSize && offset >= 32 && (header[4] | header[5] | header[6] | header[7]);
    return SQLITE_OK;
}

static int shimTruncate(sqlite3_file *f, sqlite3_int64 size) {
    ShimFile *file = (ShimFile *)f;
    int rc = settle(file);
    return rc == SQLITE_OK ? file->real->pMethods->xTruncate(file->real, size) : rc;
}

static int shimSync(sqlite3_file *f, int flags) {
    ShimFile *file = (ShimFile *)f;
    int rc = settle(file);
    return rc == SQLITE_OK ? file->real->pMethods->xSync(file->real, flags) : rc;
}

static int shimFileSize(sqlite3_file *f, sqlite3_int64 *size) {
    ShimFile *file = (ShimFile *)f;
    int rc = settle(file);
    return rc == SQLITE_OK ? file->real->pMethods->xFileSize(file->real, size) : rc;
}

static int shimLock(sqlite3_file *f, int lock) {
    ShimFile *file = (ShimFile *)f;
    return file->real->pMethods->xLock(file->real, lock);
}

static int shimUnlock(sqlite3_file *f, int lock) {
    ShimFile *file = (ShimFile *)f;
    return file->real->pMethods->xUnlock(file->real, lock);
}

static int shimCheckReservedLock(sqlite3_file *f, int *reserved) {
    ShimFile *file = (ShimFile *)f;
    return file->real->pMethods->xCheckReservedLock(file->real, reserved);
}

static int shimFileControl(sqlite3_file *f, int op, void *argument) {
    ShimFile *file = (ShimFile *)f;
    int rc = settle(file);
    return rc == SQLITE_OK ? file->real->pMethods->xFileControl(file->real, op, argument) : rc;
}

static int shimSectorSize(sqlite3_file *f) {
    ShimFile *file = (ShimFile *)f;
    return file->real->pMethods->xSectorSize(file->real);
}

static int shimDeviceCharacteristics(sqlite3_file *f) {
    ShimFile *file = (ShimFile *)f;
    return file->real->pMethods->xDeviceCharacteristics(file->real);
}

/// The database file's WAL, written back: what its shared memory is about to point at is in it.
static void writeBackWAL(ShimFile *file) {
    ShimFile *wal = file->wal;
    if (!wal || wal->length == 0) return;
    int rc = writeBack(wal);
    if (rc != SQLITE_OK && !wal->failed) wal->failed = rc;
}

static int shimShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **memory) {
    ShimFile *file = (ShimFile *)f;
    return file->real->pMethods->xShmMap(file->real, region, size, extend, memory);
}

static int shimShmLock(sqlite3_file *f, int offset, int count, int flags) {
    ShimFile *file = (ShimFile *)f;
    writeBackWAL(file);
    return file->real->pMethods->xShmLock(file->real, offset, count, flags);
}

static void shimShmBarrier(sqlite3_file *f) {
    ShimFile *file = (ShimFile *)f;
    writeBackWAL(file);
    file->real->pMethods->xShmBarrier(file->real);
}

static int shimShmUnmap(sqlite3_file *f, int deleteFlag) {
    ShimFile *file = (ShimFile *)f;
    writeBackWAL(file);
    return file->real->pMethods->xShmUnmap(file->real, deleteFlag);
}

static int shimFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **pointer) {
    ShimFile *file = (ShimFile *)f;
    int rc = settle(file);
    return rc == SQLITE_OK ? file->real->pMethods->xFetch(file->real, offset, amount, pointer) : rc;
}

static int shimUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *pointer) {
    ShimFile *file = (ShimFile *)f;
    return file->real->pMethods->xUnfetch(file->real, offset, pointer);
}

// Version 3, as the files of the VFS below (unix) are: SQLite calls only what a file's version has.
static const sqlite3_io_methods methods = {
    3, shimClose, shimRead, shimWrite, shimTruncate, shimSync, shimFileSize, shimLock, shimUnlock,
    shimCheckReservedLock, shimFileControl, shimSectorSize, shimDeviceCharacteristics, shimShmMap, shimShmLock,
    shimShmBarrier, shimShmUnmap, shimFetch, shimUnfetch,
};

static size_t realOffset(void) {
    return (sizeof(ShimFile) + 7) & ~(size_t)7;
}

static int shimOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags) {
    (void)vfs;
    ShimFile *file = (ShimFile *)f;
    memset(file, 0, sizeof(ShimFile));
    file->real = (sqlite3_file *)((char *)f + realOffset());
    int rc = below->xOpen(below, name, file->real, flags, outFlags);
    // A file whose methods are set is closed by SQLite even when it failed to open.
    if (file->real->pMethods) file->base.pMethods = &methods;
    if (rc != SQLITE_OK || !file->real->pMethods) return rc;
    if ((flags & SQLITE_OPEN_WAL) && name) {
        file->isWAL = 1;
        ShimFile *database = (ShimFile *)sqlite3_database_file_object(name);
        if (database && database->base.pMethods == &methods) {
            file->database = database;
            database->wal = file;
        }
    }
    return SQLITE_OK;
}

int frontdesk_wal_writes_register(void) {
    static int registered = 0;
    if (registered) return SQLITE_OK;
    int rc = sqlite3_initialize();
    if (rc != SQLITE_OK) return rc;
    below = sqlite3_vfs_find(NULL);
    if (!below || below->iVersion < 1) return SQLITE_ERROR;
    shim = *below;
    shim.zName = "frontdesk-wal-writes";
    shim.szOsFile = (int)(realOffset() + below->szOsFile);
    shim.xOpen = shimOpen;
    rc = sqlite3_vfs_register(&shim, 1);
    if (rc == SQLITE_OK) registered = 1;
    return rc;
}
