#include "spelling_suggestion.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "schema.h"
#include "stopwords.h"
#include "word_suggestion.h"
#include "word_tokenizer.h"

namespace byline {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// A chunk ends at white space, quotes, parentheses and a field's colon.
bool ends_chunk(char c) { return is_space(c) || c == '"' || c == '(' || c == ')' || c == ':'; }

std::string lowercase_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_operator(std::string_view chunk) {
  constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  for (std::string_view op : kOperators) {
    if (chunk == op) return true;
    // NEAR/3, ADJ/3
    if ((op == "NEAR" || op == "ADJ") && chunk.size() > op.size() + 1 && chunk.substr(0, op.size()) == op &&
        chunk[op.size()] == '/' &&
        std::all_of(chunk.begin() + static_cast<std::ptrdiff_t>(op.size()) + 1, chunk.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
      return true;
  }
  return false;
}

bool is_letter(unsigned ch) {
  return Xapian::Unicode::is_wordchar(ch) &&
         Xapian::Unicode::get_category(ch) != Xapian::Unicode::DECIMAL_DIGIT_NUMBER && ch != '_';
}

// Letters only; for author names, letters and digits ("sierra415").
bool correctable(std::string_view word, bool name) {
  if (word.empty()) return false;
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it)
    if (name ? (!Xapian::Unicode::is_wordchar(*it) || *it == '_') : !is_letter(*it)) return false;
  return true;
}

// The field whose words a word of the query is compared with.
enum class Field { Text, Title, Author };

// One word of the query that may be corrected.
struct Word {
  std::size_t piece = 0;  // index into the output pieces
  std::string typed;      // as in the query
  std::string word;       // lowercased, folded
  Field field = Field::Text;
};

// `suggestion` with the capitals of `typed`: all capitals, or a first one.
std::string with_capitals_of(const std::string& typed, const std::string& suggestion) {
  bool any_lower = false, any_upper = false, first_upper = false, first = true;
  for (Xapian::Utf8Iterator it(typed.data(), typed.size()); it != Xapian::Utf8Iterator(); ++it) {
    const bool upper = Xapian::Unicode::get_category(*it) == Xapian::Unicode::UPPERCASE_LETTER;
    if (first) first_upper = upper;
    first = false;
    any_upper = any_upper || upper;
    any_lower = any_lower || Xapian::Unicode::get_category(*it) == Xapian::Unicode::LOWERCASE_LETTER;
  }
  if (!any_upper) return suggestion;
  std::string out;
  first = true;
  for (Xapian::Utf8Iterator it(suggestion.data(), suggestion.size()); it != Xapian::Utf8Iterator(); ++it) {
    const bool raise = !any_lower || (first && first_upper);
    Xapian::Unicode::append_utf8(out, raise ? Xapian::Unicode::toupper(*it) : *it);
    first = false;
  }
  return out;
}

// Cuts a query text into pieces kept as typed and words that may be corrected.
class QueryScanner {
 public:
  explicit QueryScanner(std::string_view text) : text_(text) {}

  void scan() {
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (is_space(c)) {
        keep(1);
        continue;
      }
      if (c == '"') {
        in_phrase_ = !in_phrase_;
        keep(1);
        if (!in_phrase_) {
          phrase_field_ = Field::Text;
          phrase_excluded_ = false;
        }
        continue;
      }
      if (in_phrase_) {
        chunk(phrase_field_, phrase_excluded_);
        continue;
      }
      token();
    }
  }

  std::vector<std::string> pieces;
  std::vector<Word> words;
  std::size_t word_count = 0;  // every word of the query, corrected or not

 private:
  void keep(std::size_t n) {
    pieces.emplace_back(text_.substr(i_, n));
    i_ += n;
  }

  std::size_t chunk_end(std::size_t from) const {
    std::size_t end = from;
    while (end < text_.size() && !ends_chunk(text_[end])) ++end;
    return end;
  }

  // A token outside a phrase: signs and parentheses, a field or a word.
  void token() {
    bool excluded = exclude_next_;
    exclude_next_ = false;
    while (i_ < text_.size() && (text_[i_] == '(' || text_[i_] == ')' || text_[i_] == '+' || text_[i_] == '-')) {
      if (text_[i_] == '-') excluded = true;
      keep(1);
    }
    if (i_ >= text_.size() || is_space(text_[i_])) return;
    if (text_[i_] == '"') {
      phrase_excluded_ = excluded;
      return;  // scan() opens the phrase
    }
    const std::size_t end = chunk_end(i_);
    if (end < text_.size() && text_[end] == ':' && end + 1 < text_.size() && !is_space(text_[end + 1]) &&
        std::isalpha(static_cast<unsigned char>(text_[i_])) != 0) {
      const std::string name = lowercase_ascii(text_.substr(i_, end - i_));
      if (name == "title" || name == "author") {
        keep(end + 1 - i_);
        const Field field = name == "title" ? Field::Title : Field::Author;
        if (text_[i_] == '"') {
          phrase_field_ = field;
          phrase_excluded_ = excluded;
        } else {
          chunk(field, excluded);
        }
        return;
      }
      if (name == "tag" || name == "type" || name == "date" || name == "page" || name == "id") {
        // The value stays as typed: to the closing quote, or the next space
        // or closing parenthesis.
        keep(end + 1 - i_);
        std::size_t stop = i_;
        if (text_[stop] == '"') {
          stop = text_.find('"', stop + 1);
          stop = stop == std::string_view::npos ? text_.size() : stop + 1;
        } else {
          while (stop < text_.size() && !is_space(text_[stop]) && text_[stop] != ')') ++stop;
        }
        keep(stop - i_);
        ++word_count;
        return;
      }
      // Not a field ("NOTE:Dividend"): its words are text.
    }
    chunk(Field::Text, excluded);
  }

  // A run of word characters at i_: an operator, a wildcard, a word kept as
  // typed, or one that may be corrected.
  void chunk(Field field, bool excluded) {
    const std::size_t end = chunk_end(i_);
    if (end == i_) {
      keep(1);  // a lone ':' or parenthesis
      return;
    }
    const std::string_view typed = text_.substr(i_, end - i_);
    if (!in_phrase_ && is_operator(typed)) {
      exclude_next_ = typed == "NOT";
      keep(end - i_);
      return;
    }
    ++word_count;
    std::string word = normalize_word(Xapian::Unicode::tolower(std::string(typed)));
    if (excluded || typed.back() == '*' || !correctable(word, field == Field::Author)) {
      keep(end - i_);
      return;
    }
    words.push_back(Word{pieces.size(), std::string(typed), std::move(word), field});
    keep(end - i_);
  }

  std::string_view text_;
  std::size_t i_ = 0;
  bool in_phrase_ = false;
  Field phrase_field_ = Field::Text;
  bool phrase_excluded_ = false;
  bool exclude_next_ = false;  // after NOT
};

const char* stem_prefix(Field field) {
  switch (field) {
    case Field::Title:
      return schema::kPrefixTitle;
    case Field::Author:
      return schema::kPrefixAuthorText;
    case Field::Text:
      break;
  }
  return "";
}

// The correction of one word, or "" to keep it.
std::string correct(const Xapian::Database& db, const Xapian::Stem& stemmer, const Word& w, Xapian::doccount well_pages,
                    Xapian::doccount well_documents, WordRanges* ranges) {
  const char* prefix = stem_prefix(w.field);
  const Xapian::doccount stem_documents = db.get_termfreq(schema::term(prefix, stemmer(w.word)));
  if (w.field == Field::Author) {
    // Any author whose name holds the word: it is someone's name.
    if (stem_documents > 0) return {};
    return suggest_word(db, w.word, Vocabulary::AuthorNames);
  }
  if (stem_documents >= well_documents) return {};
  if (db.get_termfreq(schema::term(schema::kPrefixWord, w.word)) >= well_pages) return {};
  std::string suggestion = suggest_word(db, w.word, Vocabulary::Words, ranges);
  // title: finds only what titles hold.
  if (!suggestion.empty() && w.field == Field::Title && db.get_termfreq(schema::term(prefix, stemmer(suggestion))) == 0)
    return {};
  return suggestion;
}

}  // namespace

std::optional<std::string> suggest_spelling(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                            const std::string& stopwords, std::string_view text,
                                            Xapian::doccount matches, const CountMatches& count, WordRanges* ranges) {
  // A word a hundredth of the documents (pages) hold matches well; so does
  // a search that matches that many (checked first: it reads nothing).
  const Xapian::doccount well_documents = std::max<Xapian::doccount>(1, db.get_doccount() / 100);
  if (matches >= well_documents) return std::nullopt;
  const Xapian::doccount pages = db.get_termfreq(schema::term(schema::kPrefixType, schema::kTypeArticle));
  const Xapian::doccount well_pages = std::max<Xapian::doccount>(1, pages / 100);

  QueryScanner scanner(text);
  scanner.scan();
  if (scanner.words.empty() || scanner.word_count > kMaxQueryWords) return std::nullopt;

  std::vector<std::string> pieces = scanner.pieces;
  std::size_t changed = 0;
  for (const Word& w : scanner.words) {
    const std::string suggestion = correct(db, stemmer, w, well_pages, well_documents, ranges);
    if (suggestion.empty() || suggestion == w.word || is_stopword(stopwords, suggestion)) continue;
    pieces[w.piece] = with_capitals_of(w.typed, suggestion);
    ++changed;
  }
  // Most words of a longer query changed: not the query the person typed.
  if (changed == 0 || changed > std::max<std::size_t>(2, (scanner.word_count + 1) / 2)) return std::nullopt;
  std::string corrected;
  for (const std::string& piece : pieces) corrected += piece;

  // Exact up to one more than the typed query's matches: that is the question.
  const Xapian::doccount typed_matches = count(std::string(text), db.get_doccount());
  if (count(corrected, typed_matches + 1) <= typed_matches) return std::nullopt;
  return corrected;
}

}  // namespace byline
