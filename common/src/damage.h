// How Byline names a damaged index: one line,
//   "index DIR: damaged (WHAT IS WRONG): run 'byline check'"
// and the internal exception for damage found in Byline's own bytes (a
// document record that cannot be decoded), which translate_xapian_errors
// turns into that line once it knows which index it was reading.
#ifndef BYLINE_DAMAGE_H
#define BYLINE_DAMAGE_H

#include <string>

#include "byline/error.h"

namespace byline {

// `what` is "index DIR" or "index DIR: shard NAME" (the shard moves inside
// the parentheses, so every such message starts "index DIR: damaged (").
inline std::string damaged_message(const std::string& what, const std::string& words) {
  const std::size_t shard = what.rfind(": shard ");
  if (shard == std::string::npos) return what + ": damaged (" + words + "): run 'byline check'";
  return what.substr(0, shard) + ": damaged (" + what.substr(shard + 2) + ": " + words + "): run 'byline check'";
}

// Thrown with the words only ("a document record cannot be decoded").
class DamagedRecord : public IndexUnusable {
 public:
  using IndexUnusable::IndexUnusable;
};

}  // namespace byline

#endif  // BYLINE_DAMAGE_H
