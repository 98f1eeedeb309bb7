#include "counting_stem.h"

namespace byline {
namespace {

// Only words of letters go to the spelling table: "Did you mean" corrects
// nothing else (spelling_correction.h), and numbers ("43.25", "1987") are a
// large part of a news archive's distinct tokens, each costing n-gram
// entries that every commit rewrites.
bool is_spelling_word(const std::string& word) {
  for (char c : word)
    if ((c >= '0' && c <= '9') || c == '_') return false;
  return true;
}

class CountingStem : public Xapian::StemImplementation {
 public:
  CountingStem(const Xapian::Stem& inner, WordCounts* counts, const bool* counting)
      : inner_(inner), counts_(counts), counting_(counting) {}

  std::string operator()(const std::string& word) override {
    if (*counting_ && is_spelling_word(word)) ++(*counts_)[word];
    return inner_.is_none() ? word : inner_(word);
  }

  std::string get_description() const override { return "counting(" + inner_.get_description() + ")"; }

 private:
  Xapian::Stem inner_;
  WordCounts* counts_;
  const bool* counting_;
};

}  // namespace

Xapian::Stem make_counting_stem(const Xapian::Stem& inner, WordCounts* counts, const bool* counting) {
  return Xapian::Stem(new CountingStem(inner, counts, counting));
}

}  // namespace byline
