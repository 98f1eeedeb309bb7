#include "fragment_chooser.h"

#include <algorithm>
#include <string>

namespace byline {
namespace {

constexpr char kEllipsis[] = "\xE2\x80\xA6";
constexpr char kJoin[] = " \xE2\x80\xA6 ";
constexpr std::size_t kJoinBytes = sizeof(kJoin) - 1;
constexpr std::size_t kMaxLeadBytes = 30;  // context before a match when no boundary is close

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// The last non-space byte before p (p itself preceded by whitespace), and
// whether a line break lies in that whitespace.
std::size_t before_space(std::string_view text, std::size_t p, bool& line_break) {
  line_break = false;
  while (p > 0 && is_space(static_cast<unsigned char>(text[p - 1]))) {
    if (text[p - 1] == '\n') line_break = true;
    --p;
  }
  return p;
}

// A sentence starts at p: the text's start, or a word after whitespace that
// follows . ! ? or a closing quote, or holds a line break.
bool sentence_start(std::string_view text, std::size_t p) {
  if (p == 0) return true;
  if (!is_space(static_cast<unsigned char>(text[p - 1])) || is_space(static_cast<unsigned char>(text[p]))) return false;
  bool line_break = false;
  std::size_t k = before_space(text, p, line_break);
  if (line_break || k == 0) return true;
  const char c = text[k - 1];
  return c == '.' || c == '!' || c == '?' || c == '"';
}

// A dash as a clause mark: "-", "–" (E2 80 93) or "—" (E2 80 94) ending at k.
bool dash_before(std::string_view text, std::size_t k) {
  if (k >= 1 && text[k - 1] == '-') return true;
  return k >= 3 && text[k - 3] == '\xE2' && text[k - 2] == '\x80' && (text[k - 1] == '\x93' || text[k - 1] == '\x94');
}

// A clause starts at p: a word after whitespace that follows , ; : or a dash.
bool clause_start(std::string_view text, std::size_t p) {
  if (p == 0 || !is_space(static_cast<unsigned char>(text[p - 1])) || is_space(static_cast<unsigned char>(text[p])))
    return false;
  bool line_break = false;
  std::size_t k = before_space(text, p, line_break);
  if (k == 0) return false;
  const char c = text[k - 1];
  return c == ',' || c == ';' || c == ':' || dash_before(text, k);
}

// A sentence ends at q (exclusive): after . ! ? (and a closing quote or
// bracket), before whitespace or the end.
bool sentence_end(std::string_view text, std::size_t q) {
  if (q == 0 || (q < text.size() && !is_space(static_cast<unsigned char>(text[q])))) return false;
  std::size_t k = q;
  while (k > 0 && (text[k - 1] == '"' || text[k - 1] == ')' || text[k - 1] == '\'')) --k;
  return k > 0 && (text[k - 1] == '.' || text[k - 1] == '!' || text[k - 1] == '?');
}

// A clause ends at q (exclusive): just before , ; : followed by whitespace.
bool clause_end(std::string_view text, std::size_t q) {
  if (q == 0 || q >= text.size()) return false;
  const char c = text[q];
  return (c == ',' || c == ';' || c == ':') &&
         (q + 1 == text.size() || is_space(static_cast<unsigned char>(text[q + 1])));
}

// The window [first, last) of consecutive matches not yet shown, spanning at
// most `span` bytes, with the most query words not yet covered, then the most
// matches, then the earliest. new_words == 0 when none adds a word.
struct Window {
  std::size_t first = 0, last = 0, new_words = 0;
};

Window best_window(const std::vector<FragmentMatch>& matches, const std::vector<bool>& shown,
                   const std::vector<bool>& covered, std::size_t span) {
  Window best;
  std::vector<int> counts(covered.size(), 0);
  std::size_t fresh = 0, last = 0;
  for (std::size_t first = 0; first < matches.size(); ++first) {
    if (shown[first]) continue;
    if (last < first) {
      std::fill(counts.begin(), counts.end(), 0);
      fresh = 0;
      last = first;
    }
    while (last < matches.size() && !shown[last] &&
           (last == first || matches[last].end - matches[first].begin <= span)) {
      const auto g = static_cast<std::size_t>(matches[last].group);
      if (!covered[g] && counts[g]++ == 0) ++fresh;
      ++last;
    }
    if (fresh > best.new_words || (fresh == best.new_words && fresh > 0 && last - first > best.last - best.first))
      best = {first, last, fresh};
    const auto g = static_cast<std::size_t>(matches[first].group);
    if (!covered[g] && --counts[g] == 0) --fresh;
  }
  return best;
}

// [begin, end) of at most `cap` bytes around the matches [ms, me), within
// [lo, hi), cut at sentence or clause boundaries where they are close enough.
TextRange expand(std::string_view text, std::size_t ms, std::size_t me, std::size_t cap, std::size_t lo,
                 std::size_t hi) {
  const std::size_t slack = cap > me - ms ? cap - (me - ms) : 0;
  // Start: a sentence or clause start within two thirds of the slack.
  const std::size_t reach = slack * 2 / 3;
  const std::size_t earliest = std::max(lo, ms > reach ? ms - reach : 0);
  std::size_t start = ms, clause = ms;
  bool found = false;
  for (std::size_t p = ms + 1; p-- > earliest;) {
    if (sentence_start(text, p)) {
      start = p;
      found = true;
      break;
    }
    if (clause == ms && p < ms && clause_start(text, p)) clause = p;
  }
  if (!found && clause < ms) {
    start = clause;
  } else if (!found) {
    std::size_t lead = std::min({slack / 3, kMaxLeadBytes, ms - std::min(ms, lo)});
    start = ms - lead;
    while (start < ms && !is_space(static_cast<unsigned char>(text[start]))) ++start;
    while (start < ms && is_space(static_cast<unsigned char>(text[start]))) ++start;
  }
  // End: the first sentence end after the matches, else the last clause end
  // else the last word end that fits.
  const std::size_t limit = std::min({hi, text.size(), start + cap});
  std::size_t end = 0, clause_at = 0;
  for (std::size_t q = me; q <= limit; ++q) {
    if (sentence_end(text, q)) {
      end = q;
      break;
    }
    if (clause_end(text, q)) clause_at = q;
  }
  if (end == 0) end = clause_at;
  if (end == 0) {
    end = limit;
    if (end < text.size()) {
      while (end > me && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
      if (!is_space(static_cast<unsigned char>(text[end])))
        while (end > me && !is_space(static_cast<unsigned char>(text[end - 1]))) --end;
    }
  }
  while (end > start && is_space(static_cast<unsigned char>(text[end - 1]))) --end;
  return {start, std::max(end, me)};
}

bool all_space(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to; ++k)
    if (!is_space(static_cast<unsigned char>(text[k]))) return false;
  return true;
}

}  // namespace

std::vector<TextRange> choose_fragments(std::string_view text, const std::vector<FragmentMatch>& matches,
                                        std::size_t groups, std::size_t chars, std::size_t fragments) {
  fragments = std::min(fragments, kMaxFragments);
  if (fragments < 2 || matches.empty() || text.size() <= chars || groups == 0) return {};
  if (chars < fragments * kJoinBytes * 2) return {};  // no room for joins
  std::vector<bool> covered(groups, false), shown(matches.size(), false);
  std::vector<bool> present(groups, false);
  for (const FragmentMatch& m : matches) present[static_cast<std::size_t>(m.group)] = true;
  const auto present_words = static_cast<std::size_t>(std::count(present.begin(), present.end(), true));
  // One passage holds every word: it is the snippet.
  if (best_window(matches, shown, covered, chars).new_words >= present_words) return {};

  const std::size_t per = (chars - kJoinBytes * (fragments - 1)) / fragments;
  std::vector<Window> picked;
  while (picked.size() < fragments) {
    Window w = best_window(matches, shown, covered, per);
    if (w.new_words == 0) break;
    for (std::size_t k = w.first; k < w.last; ++k) {
      shown[k] = true;
      covered[static_cast<std::size_t>(matches[k].group)] = true;
    }
    picked.push_back(w);
  }
  if (picked.size() < 2) return {};
  std::sort(picked.begin(), picked.end(), [](const Window& a, const Window& b) { return a.first < b.first; });
  // The budget, shared by the fragments actually shown.
  const std::size_t k = picked.size();
  const std::size_t cap = (chars - kJoinBytes * (k - 1)) / k;
  std::vector<TextRange> ranges;
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t ms = matches[picked[i].first].begin, me = matches[picked[i].last - 1].end;
    const std::size_t lo = ranges.empty() ? 0 : ranges.back().end;
    const std::size_t hi = i + 1 < k ? matches[picked[i + 1].first].begin : text.size();
    TextRange r = expand(text, ms, me, cap, lo, hi);
    if (!ranges.empty() && all_space(text, ranges.back().end, r.begin)) {
      // Adjacent: one fragment, as long as it still fits the two budgets.
      ranges.back().end = r.end;
      continue;
    }
    ranges.push_back(r);
  }
  return ranges;
}

Snippet render_fragments(std::string_view text, const std::vector<FragmentMatch>& matches,
                         const std::vector<TextRange>& ranges) {
  Snippet snippet;
  std::string& out = snippet.text;
  auto append_collapsed = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (is_space(c)) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      } else {
        out.push_back(static_cast<char>(c));
      }
    }
  };
  if (ranges.empty()) return snippet;
  if (!all_space(text, 0, ranges.front().begin)) out.append(kEllipsis);
  auto m = matches.begin();
  for (std::size_t r = 0; r < ranges.size(); ++r) {
    const TextRange& range = ranges[r];
    if (r > 0) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out.append(kJoin);
    }
    std::size_t pos = range.begin;
    while (m != matches.end() && m->begin < range.begin) ++m;
    for (; m != matches.end() && m->end <= range.end; ++m) {
      append_collapsed(pos, m->begin);
      const std::size_t offset = out.size();
      out.append(text.substr(m->begin, m->end - m->begin));
      pos = m->end;
      if (!snippet.highlights.empty()) {
        Highlight& previous = snippet.highlights.back();
        if (out.find_first_not_of(' ', previous.offset + previous.length) >= offset) {
          previous.length = out.size() - previous.offset;
          continue;
        }
      }
      snippet.highlights.push_back({offset, out.size() - offset});
    }
    append_collapsed(pos, range.end);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!all_space(text, ranges.back().end, text.size())) out.append(kEllipsis);
  return snippet;
}

}  // namespace byline
