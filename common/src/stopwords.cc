#include "stopwords.h"

#include "byline/error.h"

namespace byline {
namespace {

// Function words only: news searchers query names and topics, and words such
// as "war", "new" or "us" carry meaning in news, so they are not stopped.
constexpr const char* kEnglish[] = {
    "a",     "about", "an",    "and",   "are",   "as",    "at",    "be",    "been",  "but",
    "by",    "can",   "could", "did",   "do",    "does",  "for",   "from",  "had",   "has",
    "have",  "he",    "her",   "hers",  "him",   "his",   "how",   "i",     "if",    "in",
    "into",  "is",    "it",    "its",   "me",    "my",    "of",    "on",    "or",    "our",
    "she",   "so",    "than",  "that",  "the",   "their", "them",  "then",  "there", "these",
    "they",  "this",  "those", "to",    "too",   "was",   "we",    "were",  "what",  "when",
    "where", "which", "while", "who",   "whom",  "why",   "will",  "with",  "would", "you",
    "your"};

}  // namespace

bool is_known_stopword_list(const std::string& list_name) {
  return list_name == "english" || list_name == "none";
}

bool is_stopword(const std::string& list_name, std::string_view word) {
  if (list_name != "english") return false;
  for (const char* stopword : kEnglish)
    if (word == stopword) return true;
  return false;
}

Xapian::Stopper* make_stopper(const std::string& list_name) {
  if (list_name == "none") return nullptr;
  if (list_name != "english") throw Error("unknown stop word list '" + list_name + "' (use 'english' or 'none')");
  // release(): the QueryParser or TermGenerator it is given to owns it.
  return (new Xapian::SimpleStopper(std::begin(kEnglish), std::end(kEnglish)))->release();
}

}  // namespace byline
