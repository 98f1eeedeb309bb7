// Facets: counts of authors, months, types and tags over ALL the matches of a
// query (not only the hits shown), gathered by Xapian match spies while the
// match runs.
#ifndef BYLINE_FACETS_H
#define BYLINE_FACETS_H

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "byline/results.h"

namespace byline {

// The facet names a query may ask for.
bool is_known_facet(const std::string& name);
const char* known_facets();  // "author, month, type, tag" (for messages)

class FacetCounter {
 public:
  // Throws BadQuery for an unknown facet name.
  explicit FacetCounter(const std::vector<std::string>& names);
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  bool empty() const { return spies_.empty(); }
  // Registers the spies (which must outlive the match) on enquire.
  void attach(Xapian::Enquire& enquire);
  // Facet name -> values by decreasing count, then by value.
  std::map<std::string, std::vector<FacetCount>> counts() const;

 private:
  struct Spy;
  std::vector<std::pair<std::string, std::unique_ptr<Spy>>> spies_;
};

}  // namespace byline

#endif  // BYLINE_FACETS_H
