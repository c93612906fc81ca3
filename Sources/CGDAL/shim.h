#ifndef LUMPINI_CGDAL_SHIM_H
#define LUMPINI_CGDAL_SHIM_H

#include <gdal.h>
#include <gdal_utils.h>
#include <gdal_version.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <geos_c.h>

/* CPLError is variadic, which Swift cannot call; tests and the wrapper use this to raise a plain message. */
static inline void lumpini_cpl_error(CPLErr level, CPLErrorNum number, const char *message) {
    CPLError(level, number, "%s", message);
}

#endif
