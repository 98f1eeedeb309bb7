// libFuzzer target: the WARC reader (common/src/warc_reader.h) on any bytes,
// plain or gzip members, and the HTTP responses its records hold. Invariants:
// records come in file order inside the bytes, the scan's end is a record
// boundary inside them, every damage report is one line "offset N: why"; and
// reading the same bytes from a file, a piece at a time (FileReader), gives
// exactly what reading them from memory gives.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "file_reader.h"
#include "warc_reader.h"

namespace {

struct Seen {
  std::vector<std::string> records;
  std::vector<std::string> damage;
  byline::WarcScan scan;
};

void check(bool ok) {
  if (!ok) std::abort();
}

template <typename Source>
Seen scan(Source& source, std::size_t size) {
  Seen seen;
  std::uint64_t last = 0;
  seen.scan = byline::scan_warc(
      source, 0,
      [&](const byline::WarcRecord& r) {
        check(r.offset < size && (seen.records.empty() || r.offset > last));
        last = r.offset;
        std::string why;
        std::optional<byline::HttpPage> page = byline::http_html_page(r.block, why);
        check(!page || why.empty());
        check(why.find('\n') == std::string::npos);
        seen.records.push_back(std::to_string(r.offset) + " " + r.type + " " + r.target_uri + " " + r.date + " " +
                               std::string(r.block) + (page ? " page " + page->charset + " " + page->body : "") + why);
        return true;
      },
      [&](const std::string& d) {
        check(d.rfind("offset ", 0) == 0 && d.find('\n') == std::string::npos);
        seen.damage.push_back(d);
      });
  check(seen.scan.end <= size && seen.scan.records == seen.records.size());
  check(seen.scan.damaged == seen.damage.size());
  return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Seen in_memory = scan(bytes, size);

  // The same bytes as a file (in memory: memfd), read with pread.
  const int fd = memfd_create("warc", MFD_CLOEXEC);
  if (fd < 0) return 0;
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = write(fd, data + done, size - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  if (done == size) {
    byline::FileReader file("/proc/self/fd/" + std::to_string(fd));
    const Seen from_file = scan(file, size);
    check(from_file.records == in_memory.records);
    check(from_file.damage == in_memory.damage);
    check(from_file.scan.end == in_memory.scan.end);
  }
  close(fd);
  return 0;
}
