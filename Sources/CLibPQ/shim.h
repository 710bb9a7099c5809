#ifndef STRATA_CLIBPQ_SHIM_H
#define STRATA_CLIBPQ_SHIM_H

// libpq's client API. pkg-config `libpq` adds its include directory (/usr/include/postgresql on Debian).
#include <libpq-fe.h>

// The PQresultErrorField codes are character-literal macros, which Swift does not import: re-export them as
// integer constants.
enum StrataPQDiagnosticField {
    STRATA_PG_DIAG_SEVERITY_NONLOCALIZED = PG_DIAG_SEVERITY_NONLOCALIZED,
    STRATA_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE,
    STRATA_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY,
    STRATA_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL,
    STRATA_PG_DIAG_TABLE_NAME = PG_DIAG_TABLE_NAME,
    STRATA_PG_DIAG_COLUMN_NAME = PG_DIAG_COLUMN_NAME,
    STRATA_PG_DIAG_CONSTRAINT_NAME = PG_DIAG_CONSTRAINT_NAME,
};

#endif
