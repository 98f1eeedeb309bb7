// Byline's whole public API in one include: every public header of libbyline.
// It lives in the package's own include root, above the folders whose headers
// it gathers (tests/package checks that none is missing).
#ifndef BYLINE_BYLINE_H
#define BYLINE_BYLINE_H

#include "byline/check.h"
#include "byline/document.h"
#include "byline/error.h"
#include "byline/export.h"
#include "byline/indexer.h"
#include "byline/page.h"
#include "byline/page_json.h"
#include "byline/query.h"
#include "byline/results.h"
#include "byline/searcher.h"
#include "byline/shards.h"
#include "byline/stats.h"
#include "byline/version.h"

#endif  // BYLINE_BYLINE_H
