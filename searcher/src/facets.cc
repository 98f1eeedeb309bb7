#include "facets.h"

#include <algorithm>

#include "byline/error.h"
#include "schema.h"

namespace byline {
namespace {

constexpr const char* kFacetNames[] = {"author", "month", "type", "tag"};

// Counts one value slot, optionally transformed: the month facet keeps the
// first six characters of the date ("201304" -> "2013-04"); the tag facet
// splits the list at kListSeparator and counts each tag once per document.
// The counting itself is Xapian's ValueCountMatchSpy, which (unlike a spy of
// our own) runs on remote shards too; the transformation happens afterwards,
// on the per-value counts.
class SlotSpy : public Xapian::ValueCountMatchSpy {
 public:
  enum class Mode { Whole, Month, List };
  SlotSpy(Xapian::valueno slot, Mode mode) : Xapian::ValueCountMatchSpy(slot), mode_(mode) {}

  std::map<std::string, std::uint64_t> counts() const {
    std::map<std::string, std::uint64_t> counts;
    for (Xapian::TermIterator it = values_begin(); it != values_end(); ++it) {
      const std::string value = *it;
      const std::uint64_t count = it.get_termfreq();
      if (value.empty()) continue;
      switch (mode_) {
        case Mode::Whole:
          counts[value] += count;
          break;
        case Mode::Month:
          if (value.size() >= 6) counts[value.substr(0, 4) + "-" + value.substr(4, 2)] += count;
          break;
        case Mode::List: {
          std::vector<std::string> seen;
          std::size_t start = 0;
          while (start <= value.size()) {
            std::size_t cut = value.find(schema::kListSeparator, start);
            if (cut == std::string::npos) cut = value.size();
            std::string tag = value.substr(start, cut - start);
            if (!tag.empty() && std::find(seen.begin(), seen.end(), tag) == seen.end()) {
              counts[tag] += count;
              seen.push_back(std::move(tag));
            }
            start = cut + 1;
          }
          break;
        }
      }
    }
    return counts;
  }

 private:
  Mode mode_;
};

}  // namespace

struct FacetCounter::Spy : SlotSpy {
  using SlotSpy::SlotSpy;
};

bool is_known_facet(const std::string& name) {
  return std::find(std::begin(kFacetNames), std::end(kFacetNames), name) != std::end(kFacetNames);
}

const char* known_facets() { return "author, month, type, tag"; }

FacetCounter::FacetCounter(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (!is_known_facet(name)) throw BadQuery("unknown facet '" + name + "' (facets: " + known_facets() + ")");
    bool seen = std::any_of(spies_.begin(), spies_.end(), [&](const auto& s) { return s.first == name; });
    if (seen) continue;
    std::unique_ptr<Spy> spy;
    if (name == "author") spy = std::make_unique<Spy>(schema::kSlotAuthor, SlotSpy::Mode::Whole);
    if (name == "month") spy = std::make_unique<Spy>(schema::kSlotDate, SlotSpy::Mode::Month);
    if (name == "type") spy = std::make_unique<Spy>(schema::kSlotType, SlotSpy::Mode::Whole);
    if (name == "tag") spy = std::make_unique<Spy>(schema::kSlotTags, SlotSpy::Mode::List);
    spies_.emplace_back(name, std::move(spy));
  }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  enquire.clear_matchspies();
  for (auto& [name, spy] : spies_) enquire.add_matchspy(spy.get());
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::counts() const {
  std::map<std::string, std::vector<FacetCount>> out;
  for (const auto& [name, spy] : spies_) {
    std::vector<FacetCount>& list = out[name];
    for (const auto& [value, count] : spy->counts()) list.push_back({value, count});
    std::stable_sort(list.begin(), list.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  }
  return out;
}

}  // namespace byline
