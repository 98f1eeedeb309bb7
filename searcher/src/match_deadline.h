// The hard end of a search's time budget (Query::time_limit).
//
// Xapian's Enquire::set_time_limit only stops *counting* matches beyond the
// hits: a match that must visit every candidate to find its hits (a broad
// wildcard's OR of hundreds of terms, a sort by date) runs to the end
// whatever the limit (measured: 0.43 s for `w*` over 20,000 documents with a
// 1 ms limit). This decider, handed to get_mset, checks the clock every
// 64 candidates and throws MatchAbandoned once the deadline has passed; the
// search then answers without hits, its results marked time_limited.
// Local databases only: Xapian cannot run a decider on a remote shard.
#ifndef BYLINE_SEARCHER_MATCH_DEADLINE_H
#define BYLINE_SEARCHER_MATCH_DEADLINE_H

#include <xapian.h>

#include <chrono>
#include <cstdint>

namespace byline {

struct MatchAbandoned {
  std::uint64_t candidates = 0;  // documents the match had accepted by then
};

class MatchDeadline : public Xapian::MatchDecider {
 public:
  explicit MatchDeadline(std::chrono::steady_clock::time_point end) : end_(end) {}
  bool operator()(const Xapian::Document&) const override {
    if ((++seen_ & 63) == 0 && std::chrono::steady_clock::now() > end_) throw MatchAbandoned{seen_};
    return true;
  }

 private:
  std::chrono::steady_clock::time_point end_;
  mutable std::uint64_t seen_ = 0;
};

}  // namespace byline

#endif  // BYLINE_SEARCHER_MATCH_DEADLINE_H
