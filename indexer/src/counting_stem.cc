#include "counting_stem.h"

namespace byline {
namespace {

class CountingStem : public Xapian::StemImplementation {
 public:
  CountingStem(const Xapian::Stem& inner, WordCounts* counts, const bool* counting)
      : inner_(inner), counts_(counts), counting_(counting) {}

  std::string operator()(const std::string& word) override {
    if (*counting_) ++(*counts_)[word];
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
