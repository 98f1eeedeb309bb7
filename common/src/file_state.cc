#include "file_state.h"

#include <charconv>

#include "schema.h"

namespace byline {
namespace {

// Reads one space-terminated field from `in`.
std::string_view next_field(std::string_view& in) {
  std::size_t space = in.find(' ');
  if (space == std::string_view::npos) {
    std::string_view field = in;
    in = {};
    return field;
  }
  std::string_view field = in.substr(0, space);
  in.remove_prefix(space + 1);
  return field;
}

template <typename T>
bool parse_number(std::string_view text, T& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

std::string encode_file_state(const FileState& s) {
  std::string out = "2 ";
  out += std::to_string(s.size);
  out.push_back(' ');
  out += std::to_string(s.mtime_ns);
  out.push_back(' ');
  out += s.content_hash;
  out.push_back(' ');
  out += std::to_string(s.documents);
  out.push_back(' ');
  out += s.skip.empty() ? "-" : s.skip;
  out.push_back(' ');
  out += std::to_string(s.read_end);
  out.push_back(' ');
  out += s.path;
  return out;
}

std::optional<FileState> decode_file_state(std::string_view text) {
  FileState s;
  std::string_view version = next_field(text);
  if (version != "1" && version != "2") return std::nullopt;
  if (!parse_number(next_field(text), s.size)) return std::nullopt;
  if (!parse_number(next_field(text), s.mtime_ns)) return std::nullopt;
  s.content_hash = std::string(next_field(text));
  if (s.content_hash.size() != 16) return std::nullopt;
  if (!parse_number(next_field(text), s.documents)) return std::nullopt;
  if (version == "2") {
    std::string_view skip = next_field(text);
    if (skip.empty()) return std::nullopt;
    if (skip != "-") s.skip = std::string(skip);
    if (!parse_number(next_field(text), s.read_end)) return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  s.path = std::string(text);
  return s;
}

std::string file_state_key(const std::string& file_key) { return schema::term(schema::kMetaFilePrefix, file_key); }

}  // namespace byline
