#ifndef STRATA_CSQLITE3_SHIM_H
#define STRATA_CSQLITE3_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro Swift cannot import: SQLite copies the bound bytes before returning.
static inline sqlite3_destructor_type strata_sqlite3_transient(void) {
    return SQLITE_TRANSIENT;
}

/// SQLITE_STATIC: the bound bytes outlive the statement's use of them (the caller guarantees it).
static inline sqlite3_destructor_type strata_sqlite3_static(void) {
    return SQLITE_STATIC;
}

/// sqlite3_db_config is variadic; this is its boolean-option form (e.g. SQLITE_DBCONFIG_DEFENSIVE).
static inline int strata_sqlite3_db_config_bool(sqlite3 *db, int option, int value, int *current) {
    return sqlite3_db_config(db, option, value, current);
}

#endif
