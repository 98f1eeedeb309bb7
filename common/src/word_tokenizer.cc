#include "word_tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include <array>

namespace byline {
namespace {

// Xapian's TermGenerator skips longer words, and so do we.
constexpr std::size_t kMaxWordBytes = 64;
constexpr std::size_t kMaxJoinedParts = 4;

constexpr std::array<bool, 128> make_ascii_word_table() {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c)
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return table;
}
constexpr std::array<bool, 128> kAsciiWord = make_ascii_word_table();

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

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
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

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// Characters TermGenerator keeps inside a word when word characters follow.
bool is_word_infix(unsigned cp) { return cp == '\'' || cp == '&' || cp == 0xB7 || cp == 0x5F4 || cp == 0x2027; }
bool is_apostrophe(unsigned cp) { return cp == 0x2019 || cp == 0x201B; }  // read as '\''
// ... and between two digits ("3.5", "1,000").
bool is_digit_infix(unsigned cp) {
  return cp == ',' || cp == '.' || cp == ';' || cp == 0x37E || cp == 0x589 || cp == 0x60D || cp == 0x7F8 ||
         cp == 0x2044 || cp == 0xFE10 || cp == 0xFE13 || cp == 0xFE14;
}
bool is_hyphen(unsigned cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// Latin letters whose accents fold (Latin-1 Supplement to Latin Extended-B,
// Latin Extended Additional): other scripts keep their marks, which change
// the letter (Japanese dakuten, Hangul syllables).
bool is_foldable(unsigned cp) { return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF); }

// Letters with no canonical decomposition that people type without them.
const char* special_fold(unsigned cp) {
  switch (cp) {
    case 0xDF:
      return "ss";
    case 0xE6:
      return "ae";
    case 0xF8:
      return "o";
    case 0x153:
      return "oe";
    case 0x142:
      return "l";
    case 0x111:
      return "d";
    case 0xF0:
      return "d";
    case 0xFE:
      return "th";
    case 0x131:
      return "i";
    default:
      return nullptr;
  }
}

// Appends the folded form of one lowercase code point.
void append_folded(std::string& out, unsigned cp) {
  if (!is_foldable(cp)) {
    append_utf8(out, cp);
    return;
  }
  if (const char* special = special_fold(cp)) {
    out.append(special);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  static const UNormalizer2* nfd = unorm2_getNFDInstance(&status);
  UChar decomposition[16];
  status = U_ZERO_ERROR;
  int32_t length = nfd == nullptr ? -1
                                  : unorm2_getDecomposition(nfd, static_cast<UChar32>(cp), decomposition,
                                                            static_cast<int32_t>(std::size(decomposition)), &status);
  if (length <= 0 || U_FAILURE(status)) {
    append_utf8(out, cp);
    return;
  }
  for (int32_t k = 0; k < length;) {
    UChar32 c;
    U16_NEXT(decomposition, k, length, c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    append_utf8(out, static_cast<unsigned>(c));
  }
}

// Folds accents of an already lowercased word, drops thousands separators
// from a number, reads ’ as '.
std::string normalize(std::string_view lower, bool ascii) {
  std::string out;
  out.reserve(lower.size());
  if (ascii) {
    out.assign(lower);
  } else {
    for (std::size_t i = 0; i < lower.size();) {
      CodePoint cp = decode(lower, i);
      if (cp.value == 0xFFFD && cp.length == 1 && static_cast<unsigned char>(lower[i]) >= 0x80) {
        out.push_back(lower[i]);  // not UTF-8: kept as it is
      } else if (is_apostrophe(cp.value)) {
        out.push_back('\'');
      } else {
        append_folded(out, cp.value);
      }
      i += cp.length;
    }
  }
  if (!out.empty() && out[0] >= '0' && out[0] <= '9' && out.find(',') != std::string::npos) {
    std::string digits;
    for (std::size_t k = 0; k < out.size(); ++k) {
      bool separator = out[k] == ',' && k > 0 && k + 1 < out.size() && out[k - 1] >= '0' && out[k - 1] <= '9' &&
                       out[k + 1] >= '0' && out[k + 1] <= '9';
      if (!separator) digits.push_back(out[k]);
    }
    out = std::move(digits);
  }
  return out;
}

// Xapian's QueryParser stems every term it makes (STEM_ALL); this one first
// makes it what the tokenizer would have made.
class QueryStemImplementation : public Xapian::StemImplementation {
 public:
  explicit QueryStemImplementation(const Xapian::Stem& stemmer) : stemmer_(stemmer) {}

  std::string operator()(const std::string& word) override {
    if (word.size() > kAcronymMarker.size() && word.compare(0, kAcronymMarker.size(), kAcronymMarker) == 0)
      return acronym_term(std::string_view(word).substr(kAcronymMarker.size()));
    return word_term(stemmer_, normalize_word(word));
  }
  std::string get_description() const override { return "byline-query(" + stemmer_.get_description() + ")"; }

 private:
  Xapian::Stem stemmer_;
};

}  // namespace

std::string normalize_word(std::string_view lowercased) {
  bool ascii = true;
  for (char c : lowercased) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  return normalize(lowercased, ascii);
}

std::string acronym_term(std::string_view letters) {
  std::string out;
  out.reserve(letters.size() * 2);
  for (char c : letters) {
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    out.push_back('.');
  }
  return out;
}

Xapian::Stem make_query_stemmer(const Xapian::Stem& stemmer) {
  return Xapian::Stem(new QueryStemImplementation(stemmer));
}

bool WordTokenizer::cut_word(Token& out) {
  const std::string_view text = text_;
  const std::size_t n = text.size();
  std::size_t i = pos_;
  for (;;) {
    // Skip to the next word character.
    while (i < n) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (kAsciiWord[c]) break;
        ++i;
        continue;
      }
      CodePoint cp = decode(text, i);
      if (is_word_char(cp.value)) break;
      i += cp.length;
    }
    if (i >= n) {
      pos_ = n;
      return false;
    }
    const std::size_t begin = i;
    // A dotted acronym: capital, '.', capital, ... ("U.S.", "U.S.A", not "A.Smith").
    if (is_upper_ascii(text[i]) && i + 2 < n && text[i + 1] == '.' && is_upper_ascii(text[i + 2]) &&
        (i + 3 == n || static_cast<unsigned char>(text[i + 3]) >= 0x80 ||
         !kAsciiWord[static_cast<unsigned char>(text[i + 3])])) {
      std::string letters(1, text[i]);
      std::size_t j = i + 1;  // at a '.'
      while (j + 1 < n && text[j] == '.' && is_upper_ascii(text[j + 1]) &&
             (j + 2 == n || static_cast<unsigned char>(text[j + 2]) >= 0x80 ||
              !kAsciiWord[static_cast<unsigned char>(text[j + 2])])) {
        letters.push_back(text[j + 1]);
        j += 2;
      }
      if (j < n && text[j] == '.') ++j;
      pos_ = j;
      out.begin = begin;
      out.end = j;
      out.kind = TokenKind::Acronym;
      out.word = acronym_term(letters);
      out.caps = false;
      out.starts_with_letter = true;
      out.parts = 0;
      return true;
    }
    const auto c0 = static_cast<unsigned char>(text[i]);
    CodePoint first = c0 < 0x80 ? CodePoint{c0, 1} : decode(text, i);
    // A word that continues a hyphenated word ("mail" of "e-mail") is read
    // whatever its first byte: the joined form ("email") starts with the
    // first part's byte, which the filter has already let through.
    const bool continues_chain = !chain_.empty() && chain_ok_ && begin > chain_end_ &&
                                 is_hyphen(decode(text, chain_end_).value) &&
                                 chain_end_ + decode(text, chain_end_).length == begin;
    const bool wanted = first_bytes_ == nullptr || c0 >= 0x80 || continues_chain ||
                        first_bytes_->test(c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0);
    std::string lower;
    bool ascii = true, all_caps = true;
    std::size_t letters = 0;
    unsigned previous = 0;
    while (i < n) {
      auto b = static_cast<unsigned char>(text[i]);
      if (b < 0x80 && kAsciiWord[b]) {  // the common case, without decoding
        if (!wanted) {
          // A word left unread: only where it ends matters (most words of a
          // snippet's text), so its ASCII run is skipped in one go.
          std::size_t j = i + 1;
          while (j < n && static_cast<unsigned char>(text[j]) < 0x80 && kAsciiWord[static_cast<unsigned char>(text[j])])
            ++j;
          previous = static_cast<unsigned char>(text[j - 1]);
          all_caps = false;
          i = j;
          continue;
        }
        lower.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
        all_caps = all_caps && b >= 'A' && b <= 'Z';
        ++letters;
        previous = b;
        ++i;
        continue;
      }
      CodePoint cp = b < 0x80 ? CodePoint{b, 1} : decode(text, i);
      if (is_word_char(cp.value)) {
        ascii = false;
        all_caps = false;
        if (wanted) lower.append(text.substr(i, cp.length));
        previous = cp.value;
        i += cp.length;
        continue;
      }
      if (i + cp.length >= n) break;
      CodePoint next = decode(text, i + cp.length);
      if (!is_word_char(next.value)) break;
      if (is_word_infix(cp.value) || (is_digit_infix(cp.value) && is_digit(previous) && is_digit(next.value))) {
        if (cp.value >= 0x80) ascii = false;
        if (wanted) lower.append(text.substr(i, cp.length));
      } else if (is_apostrophe(cp.value)) {
        if (wanted) lower.push_back('\'');
      } else {
        break;
      }
      all_caps = false;
      i += cp.length;
    }
    // "C++", "C#": up to three such suffix characters not followed by a word.
    std::size_t suffix = 0;
    while (suffix < 3 && i + suffix < n && (text[i + suffix] == '+' || text[i + suffix] == '#')) ++suffix;
    if (suffix > 0 && (i + suffix == n || !is_word_char(decode(text, i + suffix).value))) {
      if (wanted) lower.append(text.substr(i, suffix));
      i += suffix;
      all_caps = false;
    }
    pos_ = i;
    if (i - begin > kMaxWordBytes) continue;  // skipped, as Xapian does
    out.begin = begin;
    out.end = i;
    out.kind = TokenKind::Word;
    out.starts_with_letter = is_letter(first.value);
    out.caps = all_caps && letters == 2;
    out.parts = 0;
    if (wanted) {
      if (!ascii) lower = Xapian::Unicode::tolower(lower);
      out.word = normalize(lower, ascii);
    } else {
      out.word.clear();
    }
    return true;
  }
}

bool WordTokenizer::next(Token& out) {
  if (has_pending_) {
    has_pending_ = false;
    out = std::move(pending_);
  } else if (!cut_word(out)) {
    // The end of the text closes a hyphenated word.
    if (chain_.size() >= 2 && chain_ok_) {
      out.begin = chain_begin_;
      out.end = chain_end_;
      out.kind = TokenKind::Joined;
      out.parts = chain_.size();
      out.word.clear();
      for (const std::string& part : chain_) out.word += part;
      out.caps = false;
      out.starts_with_letter = true;
      chain_.clear();
      return out.word.size() <= kMaxWordBytes;
    }
    chain_.clear();
    return false;
  }
  // Hyphenated words: does this word continue the chain of the one before?
  const bool continues = !chain_.empty() && out.kind == TokenKind::Word && out.begin > chain_end_ &&
                         is_hyphen(decode(text_, chain_end_).value) &&
                         chain_end_ + decode(text_, chain_end_).length == out.begin;
  if (continues && chain_.size() < kMaxJoinedParts) {
    chain_.push_back(out.word);
    chain_ok_ = chain_ok_ && out.starts_with_letter && !out.word.empty();
    chain_end_ = out.end;
    return true;
  }
  if (chain_.size() >= 2 && chain_ok_) {
    // Emit the joined word first; this word waits.
    pending_ = std::move(out);
    has_pending_ = true;
    out = Token{};
    out.begin = chain_begin_;
    out.end = chain_end_;
    out.kind = TokenKind::Joined;
    out.parts = chain_.size();
    for (const std::string& part : chain_) out.word += part;
    out.starts_with_letter = true;
    chain_.clear();
    // The waiting word may start a chain of its own.
    if (pending_.kind == TokenKind::Word) {
      chain_.push_back(pending_.word);
      chain_begin_ = pending_.begin;
      chain_end_ = pending_.end;
      chain_ok_ = pending_.starts_with_letter && !pending_.word.empty();
    }
    if (out.word.size() > kMaxWordBytes) return next(out);
    return true;
  }
  chain_.clear();
  if (out.kind == TokenKind::Word) {
    chain_.push_back(out.word);
    chain_begin_ = out.begin;
    chain_end_ = out.end;
    chain_ok_ = out.starts_with_letter && !out.word.empty();
  }
  return true;
}

}  // namespace byline
