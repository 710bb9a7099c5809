#ifndef STRATA_CLIBPQ_SHIM_H
#define STRATA_CLIBPQ_SHIM_H

// libpq's client API. pkg-config `libpq` adds its include directory (/usr/include/postgresql on Debian).
#include <libpq-fe.h>

#endif
