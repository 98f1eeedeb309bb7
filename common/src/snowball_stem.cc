#include "snowball_stem.h"

#include <libstemmer.h>

#include <algorithm>

#include "byline/error.h"

namespace byline {
namespace {

class SnowballStemImplementation : public Xapian::StemImplementation {
 public:
  explicit SnowballStemImplementation(const std::string& language)
      : language_(language), stemmer_(sb_stemmer_new(language.c_str(), "UTF_8")) {
    if (stemmer_ == nullptr) throw Error("unknown stemming language '" + language + "'");
  }
  ~SnowballStemImplementation() override { sb_stemmer_delete(stemmer_); }
  SnowballStemImplementation(const SnowballStemImplementation&) = delete;
  SnowballStemImplementation& operator=(const SnowballStemImplementation&) = delete;

  std::string operator()(const std::string& word) override {
    const sb_symbol* stemmed = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    // libstemmer returns NULL only when it runs out of memory: keep the word.
    if (stemmed == nullptr) return word;
    return std::string(reinterpret_cast<const char*>(stemmed),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  }

  std::string get_description() const override { return "snowball(" + language_ + ")"; }

 private:
  std::string language_;
  sb_stemmer* stemmer_;
};

}  // namespace

std::vector<std::string> snowball_languages() {
  std::vector<std::string> names;
  for (const char** name = sb_stemmer_list(); *name != nullptr; ++name) names.emplace_back(*name);
  names.emplace_back("none");
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool is_known_language(const std::string& language) {
  auto names = snowball_languages();
  return std::find(names.begin(), names.end(), language) != names.end();
}

Xapian::Stem make_stemmer(const std::string& language) {
  if (language == "none") return Xapian::Stem();
  if (!is_known_language(language))
    throw Error("unknown stemming language '" + language + "' (try 'english', 'french', ... or 'none')");
  return Xapian::Stem(new SnowballStemImplementation(language));
}

}  // namespace byline
