// WARC archives are read with pread(2), a record at a time (file_reader.h,
// warc_reader.h), not memory-mapped: a file cut shorter while it is read
// gives a short read and damage at an offset, never SIGBUS; and reading the
// file gives the records that reading its bytes gives, including a record
// larger than the first piece read and a gzip member of any size.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "byline/error.h"
#include "file_reader.h"
#include "ids.h"
#include "test_support.h"
#include "warc_builder.h"
#include "warc_reader.h"

using namespace byline;
using namespace byline::test;

namespace {

// A body of `size` bytes that does not compress to nothing.
std::string page_body(std::size_t size, unsigned seed) {
  std::string body = "<html><body><article><p>";
  unsigned x = seed * 2654435761u + 1;
  while (body.size() < size) {
    x = x * 1103515245u + 12345u;
    body += static_cast<char>('a' + (x >> 16) % 26);
    if ((x >> 8) % 7 == 0) body += ' ';
  }
  return body + "</p></article></body></html>";
}

struct Seen {
  std::vector<std::string> records;  // "offset type uri block-hash"
  std::vector<std::string> damage;
  WarcScan scan;
};

Seen scan_bytes(const std::string& bytes) {
  Seen seen;
  seen.scan = scan_warc(
      bytes, 0,
      [&](const WarcRecord& r) {
        seen.records.push_back(std::to_string(r.offset) + " " + r.type + " " + r.target_uri + " " +
                               hex64(hash64(r.block)));
        return true;
      },
      [&](const std::string& d) { seen.damage.push_back(d); });
  return seen;
}

Seen scan_path(const std::string& path) {
  Seen seen;
  FileReader file(path);
  seen.scan = scan_warc(
      file, 0,
      [&](const WarcRecord& r) {
        seen.records.push_back(std::to_string(r.offset) + " " + r.type + " " + r.target_uri + " " +
                               hex64(hash64(r.block)));
        return true;
      },
      [&](const std::string& d) { seen.damage.push_back(d); });
  return seen;
}

void require_same(const Seen& a, const Seen& b) {
  CHECK(a.records == b.records);
  CHECK(a.damage == b.damage);
  CHECK(a.scan.end == b.scan.end);
  CHECK(a.scan.records == b.scan.records);
  CHECK(a.scan.damaged == b.scan.damaged);
}

// Records of 2 KB to 300 KB: several cross the 64 KB first piece read.
std::vector<std::string> records() {
  std::vector<std::string> out;
  const std::size_t sizes[] = {2000, 70000, 300000, 5000, 65536 - 300, 131072};
  unsigned seed = 0;
  for (std::size_t size : sizes) {
    out.push_back(warc_record("https://news.example/" + std::to_string(seed), page_body(size, seed)));
    ++seed;
  }
  return out;
}

}  // namespace

TEST_CASE("FileReader reads pieces, and a file cut shorter after it was opened gives a short read", "[file-reader]") {
  TempDir dir;
  const auto path = dir.path() / "f";
  std::string bytes = page_body(200000, 3);
  write_file(path, bytes);
  FileReader file(path.string());
  REQUIRE(file.size() == bytes.size());
  CHECK(file.read_at(10, 100) == bytes.substr(10, 100));
  CHECK(file.read_at(bytes.size() - 5, 100) == bytes.substr(bytes.size() - 5));
  CHECK(file.read_at(bytes.size() + 10, 100).empty());
  CHECK_FALSE(file.shrunk());

  const FileHashes hashes = hash_file(file, 1234);
  CHECK(hashes.bytes == bytes.size());
  CHECK(hashes.whole == hash64(bytes));
  CHECK(hashes.prefix == hash64(std::string_view(bytes).substr(0, 1234)));
  CHECK(hash_file(file, 0).prefix == 0);

  // A mapping of this file would now raise SIGBUS past the new end.
  REQUIRE(truncate(path.c_str(), 1000) == 0);
  CHECK(file.read_at(500, 100000) == bytes.substr(500, 500));
  CHECK(file.shrunk());
  CHECK(hash_file(file, 0).bytes == 1000);
}

TEST_CASE("FileReader refuses a folder and a FIFO without blocking", "[file-reader]") {
  TempDir dir;
  REQUIRE_THROWS_AS(FileReader(dir.path().string()), IoError);
  const auto fifo = dir.path() / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  REQUIRE_THROWS_WITH(FileReader(fifo.string()), Catch::Contains("not a regular file"));
  REQUIRE_THROWS_WITH(FileReader((dir.path() / "missing").string()), Catch::Contains("missing"));
}

TEST_CASE("Scanning a WARC file record by record gives what scanning its bytes gives", "[file-reader]") {
  TempDir dir;
  std::string plain;
  std::string gzipped;
  for (const std::string& r : records()) {
    plain += r;
    gzipped += gzip_member(r);
  }
  SECTION("plain") {
    write_file(dir.path() / "a.warc", plain);
    Seen from_file = scan_path((dir.path() / "a.warc").string());
    CHECK(from_file.scan.records == records().size());
    CHECK(from_file.damage.empty());
    require_same(from_file, scan_bytes(plain));
  }
  SECTION("gzip members") {
    write_file(dir.path() / "a.warc.gz", gzipped);
    Seen from_file = scan_path((dir.path() / "a.warc.gz").string());
    CHECK(from_file.scan.records == records().size());
    CHECK(from_file.damage.empty());
    require_same(from_file, scan_bytes(gzipped));
  }
  SECTION("damaged: a record's length overstated, bytes cut from the middle of a member, a truncated end") {
    std::vector<std::string> rs = records();
    std::string damaged = rs[0];
    std::string bad = rs[1];
    const std::size_t at = bad.find("Content-Length: ");
    bad.replace(at, bad.find("\r\n", at) - at, "Content-Length: 99999999");
    damaged += bad + rs[2] + rs[3].substr(0, rs[3].size() / 2);
    write_file(dir.path() / "d.warc", damaged);
    Seen from_file = scan_path((dir.path() / "d.warc").string());
    CHECK_FALSE(from_file.damage.empty());
    require_same(from_file, scan_bytes(damaged));

    std::string member = gzip_member(rs[2]);
    std::string gz = gzip_member(rs[0]) + member.substr(0, member.size() / 2) + member.substr(member.size() * 3 / 4) +
                     gzip_member(rs[3]) + gzip_member(rs[4]).substr(0, 100);
    write_file(dir.path() / "d.warc.gz", gz);
    Seen gz_file = scan_path((dir.path() / "d.warc.gz").string());
    CHECK_FALSE(gz_file.damage.empty());
    require_same(gz_file, scan_bytes(gz));
  }
}

TEST_CASE("A WARC file cut shorter while it is scanned ends with damage at an offset, no signal", "[file-reader]") {
  TempDir dir;
  for (bool gzip : {false, true}) {
    std::string bytes;
    std::vector<std::uint64_t> offsets;
    for (const std::string& r : records()) {
      offsets.push_back(bytes.size());
      bytes += gzip ? gzip_member(r) : r;
    }
    const auto path = dir.path() / (gzip ? "t.warc.gz" : "t.warc");
    write_file(path, bytes);
    FileReader file(path.string());
    // Cut in the middle of the third record once the first has been read.
    const std::uint64_t cut = offsets[2] + (offsets[3] - offsets[2]) / 2;
    std::vector<std::uint64_t> read;
    std::vector<std::string> damage;
    WarcScan scan = scan_warc(
        file, 0,
        [&](const WarcRecord& r) {
          read.push_back(r.offset);
          if (read.size() == 1) REQUIRE(truncate(path.c_str(), static_cast<off_t>(cut)) == 0);
          return true;
        },
        [&](const std::string& d) { damage.push_back(d); });
    INFO((gzip ? "gzip" : "plain"));
    CHECK(read == std::vector<std::uint64_t>{offsets[0], offsets[1]});
    REQUIRE(damage.size() == 1);
    CHECK(damage[0].rfind("offset " + std::to_string(offsets[2]) + ": ", 0) == 0);
    CHECK(scan.end == offsets[2]);
    CHECK(file.shrunk());
  }
}

TEST_CASE("A WARC record larger than Byline reads is skipped by its length, and the next one is read",
          "[file-reader]") {
  TempDir dir;
  const auto path = dir.path() / "big.warc";
  // 600 MiB of block, as a sparse file: the disk holds only the records.
  const std::uint64_t length = 600ull << 20;
  const std::string first = records()[0];
  const std::string header =
      "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://news.example/video\r\nContent-Length: " +
      std::to_string(length) + "\r\n\r\n";
  const std::string last = records()[1];
  {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    const std::string head = first + header;
    REQUIRE(pwrite(fd, head.data(), head.size(), 0) == static_cast<ssize_t>(head.size()));
    const std::string tail = "\r\n\r\n" + last;
    const off_t at = static_cast<off_t>(head.size() + length);
    REQUIRE(pwrite(fd, tail.data(), tail.size(), at) == static_cast<ssize_t>(tail.size()));
    close(fd);
  }
  Seen seen = scan_path(path.string());
  REQUIRE(seen.records.size() == 2);
  CHECK(seen.records[0].rfind("0 response https://news.example/0 ", 0) == 0);
  CHECK(seen.records[1].find(" response https://news.example/1 ") != std::string::npos);
  REQUIRE(seen.damage.size() == 1);
  CHECK(seen.damage[0] == "offset " + std::to_string(first.size()) + ": record of " + std::to_string(length) +
                              " bytes, more than the 512 MiB Byline reads");
}
