// Sizes past which a page is not read: a guard against a file that is no
// page (a disk image named .txt, a gzip bomb) exhausting memory.
#ifndef BYLINE_PAGE_LIMITS_H
#define BYLINE_PAGE_LIMITS_H

#include <cstddef>

namespace byline {

// The largest page (text or HTML, after decompression) read by default:
// 256 MiB, above the 200 MB page of the reliability tests.
inline constexpr std::size_t kMaxPageBytes = 256u << 20;

}  // namespace byline

#endif  // BYLINE_PAGE_LIMITS_H
