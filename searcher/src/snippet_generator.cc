#include "snippet_generator.h"

#include <algorithm>
#include <array>

#include "fragment_chooser.h"
#include "word_tokenizer.h"

namespace byline {
namespace {

// Context kept before the first match when no sentence starts close enough.
constexpr std::size_t kMaxLeadBytes = 50;
constexpr char kEllipsis[] = "\xE2\x80\xA6";

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool starts_with_ascii_letter(std::string_view word) {
  return !word.empty() && ((word[0] >= 'a' && word[0] <= 'z') || static_cast<unsigned char>(word[0]) >= 0x80);
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
  if (type == Xapian::Query::OP_PHRASE) {
    // A phrase is highlighted where its words stand together, not word by word.
    std::vector<std::string> phrase;
    for (std::size_t i = 0; i < n; ++i) {
      const Xapian::Query sub = query.get_subquery(i);
      if (sub.get_type() != Xapian::Query::LEAF_TERM || sub.get_terms_begin() == sub.get_terms_end()) {
        phrase.clear();
        break;
      }
      std::string term = *sub.get_terms_begin();
      if (!is_unprefixed(term)) {
        phrase.clear();
        break;
      }
      phrase.push_back(std::move(term));
    }
    if (!phrase.empty()) out.phrases.push_back(std::move(phrase));
    return;
  }
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
  std::sort(terms.phrases.begin(), terms.phrases.end());
  terms.phrases.erase(std::unique(terms.phrases.begin(), terms.phrases.end()), terms.phrases.end());
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
    bool letter = starts_with_ascii_letter(word);
    word_groups_.push_back(group_of(letter ? stemmer_(word) : word));
    first_bytes_.set(static_cast<unsigned char>(word[0]));
  }
  for (const std::string& prefix : terms.wildcards) {
    wildcards_.push_back(prefix);
    wildcard_groups_.push_back(group_of("*" + prefix));
    first_bytes_.set(static_cast<unsigned char>(prefix[0]));
  }
  for (const std::vector<std::string>& phrase : terms.phrases) {
    phrases_.push_back(phrase);
    std::string key = "\"";
    for (const std::string& term : phrase) {
      key += term + " ";
      phrase_terms_.insert(term);
      first_bytes_.set(static_cast<unsigned char>(term[0]));
    }
    phrase_groups_.push_back(group_of(key));
  }
  any_stems_ = any_stems_ || !phrases_.empty();
}

int SnippetGenerator::group_of(const std::string& key) {
  auto it = std::find(group_keys_.begin(), group_keys_.end(), key);
  if (it != group_keys_.end()) return static_cast<int>(it - group_keys_.begin());
  group_keys_.push_back(key);
  return static_cast<int>(group_keys_.size() - 1);
}

const std::string& SnippetGenerator::term_of(const Token& token) {
  if (token.kind == TokenKind::Acronym || !token.starts_with_letter) return token.word;
  auto cached = stems_.find(token.word);
  if (cached != stems_.end()) return cached->second;
  return stems_.emplace(token.word, word_term(stemmer_, token.word)).first->second;
}

int SnippetGenerator::match_token(const Token& token) {
  for (std::size_t k = 0; k < words_.size(); ++k)
    if (token.word == words_[k]) return word_groups_[k];
  for (std::size_t k = 0; k < wildcards_.size(); ++k)
    if (token.word.compare(0, wildcards_[k].size(), wildcards_[k]) == 0) return wildcard_groups_[k];
  if (!any_stems_) return -1;
  auto group = stem_groups_.find(term_of(token));
  if (group != stem_groups_.end()) return group->second;
  if (token.caps) {
    group = stem_groups_.find(acronym_term(token.word));
    if (group != stem_groups_.end()) return group->second;
  }
  return -1;
}

void SnippetGenerator::find_matches(std::string_view text) {
  matches_.clear();
  phrase_words_.clear();
  WordTokenizer tokens(text);
  tokens.only_first_bytes(&first_bytes_);
  Token token;
  std::size_t ordinal = 0;  // of the words (a joined word is its parts)
  while (tokens.next(token)) {
    if (token.kind != TokenKind::Joined) ++ordinal;
    if (token.word.empty()) continue;
    if (!phrases_.empty() && token.kind != TokenKind::Joined) {
      const std::string& term = term_of(token);
      if (phrase_terms_.count(term) != 0)
        phrase_words_.push_back({ordinal, token.begin, token.end, term});
      else if (token.caps && phrase_terms_.count(acronym_term(token.word)) != 0)
        phrase_words_.push_back({ordinal, token.begin, token.end, acronym_term(token.word)});
    }
    int group = match_token(token);
    if (group < 0) continue;
    if (token.kind == TokenKind::Joined) {
      // "e-mail" for email: one match over its parts.
      while (!matches_.empty() && matches_.back().begin >= token.begin) matches_.pop_back();
    }
    matches_.push_back({token.begin, token.end, group});
  }
  if (phrases_.empty()) return;
  // Each phrase where its words follow one another.
  std::vector<Match> found;
  for (std::size_t p = 0; p < phrases_.size(); ++p) {
    const std::vector<std::string>& phrase = phrases_[p];
    for (std::size_t k = 0; k + phrase.size() <= phrase_words_.size(); ++k) {
      bool whole = true;
      for (std::size_t j = 0; j < phrase.size() && whole; ++j)
        whole = phrase_words_[k + j].term == phrase[j] && phrase_words_[k + j].ordinal == phrase_words_[k].ordinal + j;
      if (whole) found.push_back({phrase_words_[k].begin, phrase_words_[k + phrase.size() - 1].end, phrase_groups_[p]});
    }
  }
  if (found.empty()) return;
  found.insert(found.end(), matches_.begin(), matches_.end());
  std::sort(found.begin(), found.end(),
            [](const Match& a, const Match& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  matches_.clear();
  for (const Match& m : found)
    if (matches_.empty() || m.begin >= matches_.back().end) matches_.push_back(m);
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

Snippet SnippetGenerator::make(std::string_view text, std::size_t chars, std::size_t fragments) {
  if (fragments > 1 && chars > 0 && text.size() > chars) {
    find_matches(text);
    std::vector<FragmentMatch> found;
    found.reserve(matches_.size());
    for (const Match& m : matches_) found.push_back({m.begin, m.end, m.group});
    std::vector<TextRange> ranges = choose_fragments(text, found, group_keys_.size(), chars, fragments);
    if (ranges.size() > 1) return render_fragments(text, found, ranges);
  }
  return make(text, chars);
}

}  // namespace byline
