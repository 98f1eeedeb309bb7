#include "doc_record.h"

#include <charconv>

#include "byline/error.h"
#include "damage.h"

namespace byline {
namespace {

constexpr unsigned char kRecordVersion = 1;

void put_field(std::string& out, std::string_view field) {
  std::size_t n = field.size();
  do {
    unsigned char byte = n & 0x7f;
    n >>= 7;
    if (n != 0) byte |= 0x80;
    out.push_back(static_cast<char>(byte));
  } while (n != 0);
  out.append(field);
}

std::string_view get_field(std::string_view& in) {
  std::size_t n = 0;
  int shift = 0;
  while (true) {
    if (in.empty() || shift > 56) throw DamagedRecord("a document record is cut short");
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    n |= static_cast<std::size_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) break;
    shift += 7;
  }
  if (n > in.size()) throw DamagedRecord("a document record is cut short");
  std::string_view field = in.substr(0, n);
  in.remove_prefix(n);
  return field;
}

std::optional<int> to_int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::string> non_empty(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

}  // namespace

std::string encode_doc_record(const DocRecord& r) {
  std::string tags;
  for (std::size_t i = 0; i < r.tags.size(); ++i) {
    if (i) tags.push_back('\x1f');
    tags += r.tags[i];
  }
  std::string out;
  out.reserve(r.text.size() + r.title.size() + r.source.size() + 64);
  out.push_back(static_cast<char>(kRecordVersion));
  put_field(out, r.is_comment ? "c" : "a");
  put_field(out, r.page_id);
  put_field(out, r.title);
  put_field(out, r.author.value_or(""));
  put_field(out, r.date.value_or(""));
  put_field(out, r.source);
  put_field(out, r.is_comment ? std::to_string(r.comment_index) : "");
  put_field(out, r.comment_parent ? std::to_string(*r.comment_parent) : "");
  put_field(out, tags);
  put_field(out, r.text);
  return out;
}

DocRecord decode_doc_record(std::string_view in) {
  if (in.empty() || static_cast<unsigned char>(in.front()) != kRecordVersion)
    throw DamagedRecord("a document record has an unknown format");
  in.remove_prefix(1);
  DocRecord r;
  r.is_comment = get_field(in) == "c";
  r.page_id = std::string(get_field(in));
  r.title = std::string(get_field(in));
  r.author = non_empty(get_field(in));
  r.date = non_empty(get_field(in));
  r.source = std::string(get_field(in));
  r.comment_index = to_int(get_field(in)).value_or(0);
  r.comment_parent = to_int(get_field(in));
  std::string_view tags = get_field(in);
  while (!tags.empty()) {
    std::size_t cut = tags.find('\x1f');
    r.tags.emplace_back(tags.substr(0, cut));
    if (cut == std::string_view::npos) break;
    tags.remove_prefix(cut + 1);
  }
  r.text = std::string(get_field(in));
  return r;
}

std::string doc_record_id(const DocRecord& r) {
  if (!r.is_comment) return r.page_id;
  return r.page_id + "." + std::to_string(r.comment_index);
}

}  // namespace byline
