#include "field_keys.h"

#include <xapian.h>

namespace byline {

std::string date_value(std::string_view d) {
  // YYYY-MM-DDTHH:MM
  if (d.size() != 16 || d[4] != '-' || d[7] != '-' || d[10] != 'T' || d[13] != ':') return {};
  std::string out;
  out.reserve(12);
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15}) {
    if (d[i] < '0' || d[i] > '9') return {};
    out.push_back(d[i]);
  }
  return out;
}

std::string exact_key(std::string_view text) {
  // Xapian terms are limited to 245 bytes; leave room for the prefix.
  constexpr std::size_t kMaxKeyBytes = 200;
  std::string out;
  bool pending_space = false;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    if (Xapian::Unicode::is_whitespace(ch)) {
      pending_space = !out.empty();
      continue;
    }
    std::string piece;
    if (pending_space) piece.push_back(' ');
    Xapian::Unicode::append_utf8(piece, Xapian::Unicode::tolower(ch));
    if (out.size() + piece.size() > kMaxKeyBytes) break;
    out += piece;
    pending_space = false;
  }
  return out;
}

}  // namespace byline
