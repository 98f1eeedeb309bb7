#include "snippet_generator.h"

#include <algorithm>
#include <array>

namespace byline {
namespace {

// Xapian's TermGenerator skips longer words, so they never match.
constexpr std::size_t kMaxWordBytes = 64;
// Context kept before the first match when no sentence starts close enough.
constexpr std::size_t kMaxLeadBytes = 50;
constexpr char kEllipsis[] = "\xE2\x80\xA6";

constexpr std::array<bool, 128> make_ascii_word_table() {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c)
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return table;
}
constexpr std::array<bool, 128> kAsciiWord = make_ascii_word_table();

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

struct CodePoint {
  unsigned value;
  std::size_t length;
};

// Decodes the character at text[i] (i < size); invalid UTF-8 reads as one
// U+FFFD byte, which is not a word character.
CodePoint decode(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
  if (length == 0 || b0 > 0xF4 || i + length > text.size()) return {0xFFFD, 1};
  unsigned value = b0 & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
  if (overlong || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {0xFFFD, 1};
  return {value, length};
}

bool is_word_char(unsigned cp) { return cp < 128 ? kAsciiWord[cp] : Xapian::Unicode::is_wordchar(cp); }

bool is_digit(unsigned cp) {
  return cp < 128 ? (cp >= '0' && cp <= '9')
                  : Xapian::Unicode::get_category(cp) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_letter(unsigned cp) {
  if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  switch (Xapian::Unicode::get_category(cp)) {
    case Xapian::Unicode::UPPERCASE_LETTER:
    case Xapian::Unicode::LOWERCASE_LETTER:
    case Xapian::Unicode::TITLECASE_LETTER:
    case Xapian::Unicode::MODIFIER_LETTER:
    case Xapian::Unicode::OTHER_LETTER:
      return true;
    default:
      return false;
  }
}

// Characters TermGenerator keeps inside a word when word characters follow.
bool is_word_infix(unsigned cp) { return cp == '\'' || cp == '&' || cp == 0xB7 || cp == 0x5F4 || cp == 0x2027; }
bool is_apostrophe(unsigned cp) { return cp == 0x2019 || cp == 0x201B; }  // indexed as '\''
// ... and between two digits ("3.5", "1,000").
bool is_digit_infix(unsigned cp) {
  return cp == ',' || cp == '.' || cp == ';' || cp == 0x37E || cp == 0x589 || cp == 0x60D || cp == 0x7F8 ||
         cp == 0x2044 || cp == 0xFE10 || cp == 0xFE13 || cp == 0xFE14;
}

bool is_unprefixed(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

void collect_terms(const Xapian::Query& query, SnippetTerms& out) {
  const Xapian::Query::op type = query.get_type();
  if (type == Xapian::Query::LEAF_TERM) {
    if (query.get_terms_begin() == query.get_terms_end()) return;
    std::string term = *query.get_terms_begin();
    if (is_unprefixed(term)) {
      // The index holds stems (STEM_ALL): the term matches a text word equal
      // to it ("1987", "oil") or stemming to it ("oils").
      out.words.push_back(term);
      out.stems.push_back(term);
    } else if (term.size() > 1 && term[0] == 'Z' && is_unprefixed(std::string_view(term).substr(1))) {
      out.stems.push_back(term.substr(1));
    }
    return;
  }
  if (type == Xapian::Query::OP_WILDCARD) {
    // 1.4 has no accessor for the pattern: its description ends with it.
    std::string description = query.get_description();
    std::size_t space = description.rfind(' ');
    std::size_t close = description.rfind(')');
    if (space != std::string::npos && close != std::string::npos && close > space) {
      std::string pattern = description.substr(space + 1, close - space - 1);
      if (is_unprefixed(pattern)) out.wildcards.push_back(pattern);
    }
    return;
  }
  std::size_t n = query.get_num_subqueries();
  // Only the positive side of AND_NOT and FILTER, never the scale factor's.
  if (type == Xapian::Query::OP_AND_NOT || type == Xapian::Query::OP_FILTER) n = std::min<std::size_t>(n, 1);
  for (std::size_t i = 0; i < n; ++i) collect_terms(query.get_subquery(i), out);
}

void dedupe(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Appends text[from, to) with each whitespace run as one space (none at the
// very start of the snippet).
void append_collapsed(std::string& out, std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

// A sentence starts at p when p == 0 or the whitespace before it follows
// '.', '!' or '?', or holds a line break.
bool is_sentence_start(std::string_view text, std::size_t p) {
  if (p == 0) return true;
  if (!is_space(static_cast<unsigned char>(text[p - 1])) || is_space(static_cast<unsigned char>(text[p]))) return false;
  std::size_t k = p;
  while (k > 0 && is_space(static_cast<unsigned char>(text[k - 1]))) {
    if (text[k - 1] == '\n') return true;
    --k;
  }
  if (k == 0) return true;
  char before = text[k - 1];
  return before == '.' || before == '!' || before == '?' || before == '"';
}

}  // namespace

SnippetTerms snippet_terms(const Xapian::Query& query) {
  SnippetTerms terms;
  if (!query.empty()) collect_terms(query, terms);
  dedupe(terms.words);
  dedupe(terms.stems);
  dedupe(terms.wildcards);
  return terms;
}

SnippetGenerator::SnippetGenerator(const SnippetTerms& terms, const Xapian::Stem& stemmer) : stemmer_(stemmer) {
  // A word and its stem are one query word when counting distinct matches.
  for (const std::string& stem : terms.stems) {
    stem_groups_.emplace(stem, group_of(stem));
    first_bytes_.set(static_cast<unsigned char>(stem[0]));
  }
  any_stems_ = !terms.stems.empty();
  for (const std::string& word : terms.words) {
    words_.push_back(word);
    bool letter = is_letter(decode(word, 0).value);
    word_groups_.push_back(group_of(letter ? stemmer_(word) : word));
    first_bytes_.set(static_cast<unsigned char>(word[0]));
  }
  for (const std::string& prefix : terms.wildcards) {
    wildcards_.push_back(prefix);
    wildcard_groups_.push_back(group_of("*" + prefix));
    first_bytes_.set(static_cast<unsigned char>(prefix[0]));
  }
}

int SnippetGenerator::group_of(const std::string& key) {
  auto it = std::find(group_keys_.begin(), group_keys_.end(), key);
  if (it != group_keys_.end()) return static_cast<int>(it - group_keys_.begin());
  group_keys_.push_back(key);
  return static_cast<int>(group_keys_.size() - 1);
}

int SnippetGenerator::match_word(std::string_view word, bool starts_with_letter) {
  for (std::size_t k = 0; k < words_.size(); ++k)
    if (word == words_[k]) return word_groups_[k];
  for (std::size_t k = 0; k < wildcards_.size(); ++k)
    if (word.substr(0, wildcards_[k].size()) == wildcards_[k]) return wildcard_groups_[k];
  if (!any_stems_ || !starts_with_letter) return -1;
  // Words that start with a letter are stemmed and compared with the query's
  // stems; others (numbers) match as they are, through words_ above.
  auto cached = stem_cache_.find(lower_);
  if (cached != stem_cache_.end()) return cached->second;
  auto group = stem_groups_.find(stemmer_(lower_));
  int found = group == stem_groups_.end() ? -1 : group->second;
  stem_cache_.emplace(lower_, found);
  return found;
}

void SnippetGenerator::find_matches(std::string_view text) {
  matches_.clear();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    auto c = static_cast<unsigned char>(text[i]);
    CodePoint first = c < 0x80 ? CodePoint{c, 1} : decode(text, i);
    if (!is_word_char(first.value)) {
      i += first.length;
      continue;
    }
    // One word: its bytes as indexed (before lowercasing) go to lower_.
    const std::size_t begin = i;
    bool ascii = true;
    lower_.clear();
    // Most words cannot match: a term's first byte is a cheap filter, tested
    // before the word is copied. A word starting with a non-ASCII letter may
    // stem to another first letter (umlauts), so it always goes on.
    const bool wanted = c >= 0x80 || first_bytes_.test(c >= 'A' && c <= 'Z' ? c + 32 : c);
    unsigned previous = 0;
    while (i < n) {
      auto b = static_cast<unsigned char>(text[i]);
      if (b < 0x80 && kAsciiWord[b]) {  // the common case, without decoding
        if (wanted) lower_.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
        previous = b;
        ++i;
        continue;
      }
      CodePoint cp = b < 0x80 ? CodePoint{b, 1} : decode(text, i);
      if (is_word_char(cp.value)) {
        if (cp.value < 0x80) {
          lower_.push_back(static_cast<char>(cp.value >= 'A' && cp.value <= 'Z' ? cp.value + 32 : cp.value));
        } else {
          ascii = false;
          lower_.append(text.substr(i, cp.length));
        }
        previous = cp.value;
        i += cp.length;
        continue;
      }
      if (i + cp.length >= n) break;
      CodePoint next = decode(text, i + cp.length);
      if (!is_word_char(next.value)) break;
      if (is_word_infix(cp.value) || (is_digit_infix(cp.value) && is_digit(previous) && is_digit(next.value))) {
        if (cp.value >= 0x80) ascii = false;
        lower_.append(text.substr(i, cp.length));
      } else if (is_apostrophe(cp.value)) {
        lower_.push_back('\'');
      } else {
        break;
      }
      i += cp.length;
    }
    // "C++", "C#": up to three such suffix characters not followed by a word.
    std::size_t suffix = 0;
    while (suffix < 3 && i + suffix < n && (text[i + suffix] == '+' || text[i + suffix] == '#')) ++suffix;
    if (suffix > 0 && (i + suffix == n || !is_word_char(decode(text, i + suffix).value))) {
      lower_.append(text.substr(i, suffix));
      i += suffix;
    }
    if (!wanted || lower_.size() > kMaxWordBytes) continue;
    if (!ascii) lower_ = Xapian::Unicode::tolower(lower_);
    auto lead = static_cast<unsigned char>(lower_[0]);
    bool maybe = first_bytes_.test(lead) || (any_stems_ && lead >= 0x80);
    if (!maybe) continue;
    int group = match_word(lower_, is_letter(first.value));
    if (group >= 0) matches_.push_back({begin, i, group});
  }
}

Snippet SnippetGenerator::highlight_all(std::string_view text) {
  Snippet snippet;
  snippet.text = std::string(text);
  find_matches(text);
  for (const Match& m : matches_) snippet.highlights.push_back({m.begin, m.end - m.begin});
  return snippet;
}

Snippet SnippetGenerator::make(std::string_view text, std::size_t chars) {
  Snippet snippet;
  if (chars == 0 || text.empty()) return snippet;
  find_matches(text);
  const std::size_t n = text.size();

  // The window of at most `chars` bytes with the most distinct query words,
  // then the most matches, then the earliest.
  std::size_t best_first = 0, best_last = 0;  // matches_[best_first, best_last)
  if (!matches_.empty()) {
    std::vector<int> counts(group_keys_.size(), 0);
    std::size_t distinct = 0, best_distinct = 0, best_count = 0, last = 0;
    for (std::size_t first = 0; first < matches_.size(); ++first) {
      if (last < first + 1) last = first;
      while (last < matches_.size() && (last == first || matches_[last].end - matches_[first].begin <= chars)) {
        if (counts[matches_[last].group]++ == 0) ++distinct;
        ++last;
      }
      if (distinct > best_distinct || (distinct == best_distinct && last - first > best_count)) {
        best_distinct = distinct;
        best_count = last - first;
        best_first = first;
        best_last = last;
      }
      if (--counts[matches_[first].group] == 0) --distinct;
    }
  }

  // Where the window starts: a sentence start close enough before the first
  // match, else a little context cut at a word start.
  std::size_t start = 0;
  if (best_last > best_first) {
    const std::size_t ms = matches_[best_first].begin;
    const std::size_t span = matches_[best_last - 1].end - ms;
    const std::size_t slack = chars > span ? chars - span : 0;
    const std::size_t earliest = ms > slack ? ms - slack : 0;
    start = ms;
    bool sentence = false;
    for (std::size_t p = ms + 1; p-- > earliest;) {
      if (is_sentence_start(text, p)) {
        start = p;
        sentence = true;
        break;
      }
    }
    if (!sentence) {
      std::size_t lead = std::min(slack / 3, kMaxLeadBytes);
      start = ms - std::min(lead, ms);
      // Forward to the start of a word (never past the match).
      while (start < ms && !is_space(static_cast<unsigned char>(text[start]))) ++start;
      while (start < ms && is_space(static_cast<unsigned char>(text[start]))) ++start;
    }
    // Near the end of the text: show the whole tail instead of a short window.
    if (n - start < chars && n > chars) {
      std::size_t earlier = n - chars;
      while (earlier < start && !(is_space(static_cast<unsigned char>(text[earlier - 1])) &&
                                  !is_space(static_cast<unsigned char>(text[earlier]))))
        ++earlier;
      start = std::min(start, earlier);
    }
  }
  while (start < n && is_space(static_cast<unsigned char>(text[start]))) ++start;

  // Where it ends: at most `chars` bytes, at the end of a word.
  std::size_t end = std::min(n, start + chars);
  const std::size_t must_keep = best_last > best_first ? matches_[best_last - 1].end : start;
  if (end < n) {
    while (end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!is_space(static_cast<unsigned char>(text[end]))) {
      std::size_t cut = end;
      while (cut > must_keep && !is_space(static_cast<unsigned char>(text[cut - 1]))) --cut;
      if (cut > must_keep && cut > start) end = cut;
    }
  }
  while (end > start && is_space(static_cast<unsigned char>(text[end - 1]))) --end;

  // Copy, with highlights for every match inside [start, end).
  std::string& out = snippet.text;
  out.reserve(end - start + 2 * sizeof(kEllipsis));
  auto all_space = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k)
      if (!is_space(static_cast<unsigned char>(text[k]))) return false;
    return true;
  };
  if (!all_space(0, start)) out.append(kEllipsis);
  std::size_t pos = start;
  auto first_inside = std::lower_bound(matches_.begin(), matches_.end(), start,
                                       [](const Match& m, std::size_t p) { return m.begin < p; });
  for (auto m = first_inside; m != matches_.end() && m->end <= end; ++m) {
    append_collapsed(out, text, pos, m->begin);
    std::size_t offset = out.size();
    out.append(text.substr(m->begin, m->end - m->begin));
    // Words separated only by spaces (a phrase) are one highlight.
    if (!snippet.highlights.empty()) {
      Highlight& previous = snippet.highlights.back();
      std::size_t previous_end = previous.offset + previous.length;
      if (out.find_first_not_of(' ', previous_end) >= offset) {
        previous.length = out.size() - previous.offset;
        pos = m->end;
        continue;
      }
    }
    snippet.highlights.push_back({offset, out.size() - offset});
    pos = m->end;
  }
  append_collapsed(out, text, pos, end);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  if (!all_space(end, n)) out.append(kEllipsis);
  return snippet;
}

}  // namespace byline
