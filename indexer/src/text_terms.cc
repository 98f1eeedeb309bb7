#include "text_terms.h"

#include "schema.h"
#include "snowball_stem.h"
#include "word_tokenizer.h"

namespace byline {
namespace {

// Distinct words kept stemmed: a news archive's vocabulary of a few hundred
// thousand words fits; past that the cache starts again.
constexpr std::size_t kMaxCachedStems = 200000;

}  // namespace

TextTerms::TextTerms(const std::string& language) : stemmer_(make_stemmer(language)) {}

void TextTerms::set_document(Xapian::Document& doc) {
  doc_ = &doc;
  pos_ = 0;
}

const std::string& TextTerms::stem(const std::string& word) {
  auto found = stems_.find(word);
  if (found != stems_.end()) return found->second;
  if (stems_.size() >= kMaxCachedStems) stems_.clear();
  return stems_.emplace(word, word_term(stemmer_, word)).first->second;
}

void TextTerms::collect_forms(std::string_view text, std::unordered_set<std::string>& forms) {
  WordTokenizer tokens(text);
  Token token;
  while (tokens.next(token))
    if (token.kind != TokenKind::Acronym && !token.word.empty()) forms.insert(std::move(token.word));
}

void TextTerms::add_forms(const std::unordered_set<std::string>& forms) {
  for (const std::string& form : forms) {
    scratch_.assign(schema::kPrefixWord);
    scratch_.append(form);
    if (scratch_.size() <= schema::kMaxTermBytes) doc_->add_boolean_term(scratch_);
  }
}

void TextTerms::index(std::string_view text, unsigned wdf_inc, const char* prefix) {
  WordTokenizer tokens(text);
  Token token;
  auto add = [&](const std::string& term, Xapian::termpos pos) {
    scratch_.assign(prefix);
    scratch_.append(term);
    if (scratch_.size() <= schema::kMaxTermBytes) doc_->add_posting(scratch_, pos, wdf_inc);
  };
  while (tokens.next(token)) {
    if (token.word.empty()) continue;
    switch (token.kind) {
      case TokenKind::Word:
        ++pos_;
        add(stem(token.word), pos_);
        if (token.caps) add(acronym_term(token.word), pos_);
        break;
      case TokenKind::Acronym:
        ++pos_;
        add(token.word, pos_);
        break;
      case TokenKind::Joined:
        // At its first part's position: "e-mail" is "e mail" and "email".
        add(stem(token.word), pos_ + 1 - static_cast<Xapian::termpos>(token.parts));
        break;
    }
  }
  pos_ += 100;
}

}  // namespace byline
