#include "name_summaries.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "facets.h"
#include "schema.h"

namespace byline {
namespace {

std::optional<std::string> iso_date(const std::string& value) {
  if (value.size() < 12) return std::nullopt;
  return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2) + "T" + value.substr(8, 2) + ":" +
         value.substr(10, 2);
}

// The names one slot value stands for: the author as it is, or each tag of
// the list (kListSeparator between them).
std::vector<std::string> names_in(const std::string& value, SummarisedField field) {
  std::vector<std::string> names;
  if (field == SummarisedField::Author) {
    if (!value.empty()) names.push_back(value);
    return names;
  }
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t cut = value.find(schema::kListSeparator, start);
    if (cut == std::string::npos) cut = value.size();
    if (cut > start) names.push_back(value.substr(start, cut - start));
    start = cut + 1;
  }
  return names;
}

// The newest (newest == true) or oldest date of each name among the dated
// matches: one MSet item per distinct slot value, the collapse keeping the
// first in date order.
std::map<std::string, std::string> extreme_dates(const Xapian::Database& db, const Xapian::Query& query,
                                                 Xapian::valueno slot, SummarisedField field, bool newest) {
  std::map<std::string, std::string> out;
  Xapian::Enquire enquire(db);
  // Only dated documents: an undated one would sort first among the oldest.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, "0")));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(schema::kSlotDate, newest);
  enquire.set_collapse_key(slot);
  const Xapian::doccount all = db.get_doccount();
  Xapian::MSet mset = enquire.get_mset(0, all, all);
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    const std::string date = it.get_sort_key();
    for (const std::string& name : names_in(it.get_collapse_key(), field)) {
      auto [at, fresh] = out.emplace(name, date);
      // Tags: a name comes back under several lists; keep its extreme.
      if (!fresh && (newest ? date > at->second : date < at->second)) at->second = date;
    }
  }
  return out;
}

std::string folded(const std::string& name) {
  std::string out = name;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

void sort_name_summaries(std::vector<NameSummary>& names, NameOrder order) {
  auto by_name = [](const NameSummary& a, const NameSummary& b) {
    const std::string fa = folded(a.name), fb = folded(b.name);
    return fa != fb ? fa < fb : a.name < b.name;
  };
  std::sort(names.begin(), names.end(), [&](const NameSummary& a, const NameSummary& b) {
    switch (order) {
      case NameOrder::Count:
        if (a.count != b.count) return a.count > b.count;
        break;
      case NameOrder::Recent:
        if (a.last_date.has_value() != b.last_date.has_value()) return a.last_date.has_value();
        if (a.last_date != b.last_date) return *a.last_date > *b.last_date;
        break;
      case NameOrder::Name:
        break;
    }
    return by_name(a, b);
  });
}

std::vector<NameSummary> summarise_names(const Xapian::Database& db, const Xapian::Query& query, SummarisedField field,
                                         NameOrder order) {
  const bool authors = field == SummarisedField::Author;
  const Xapian::valueno slot = authors ? schema::kSlotAuthor : schema::kSlotTags;
  std::vector<NameSummary> names;
  {
    // Exact counts: the facet of the same name over every match.
    FacetCounter facets({authors ? "author" : "tag"});
    Xapian::Enquire counting(db);
    counting.set_query(query);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    facets.attach(counting);
    counting.get_mset(0, 0, db.get_doccount());
    for (const auto& [facet, counts] : facets.counts())
      for (const FacetCount& c : counts) names.push_back({c.value, c.count, std::nullopt, std::nullopt});
  }
  if (!names.empty()) {
    const std::map<std::string, std::string> first = extreme_dates(db, query, slot, field, false);
    const std::map<std::string, std::string> last = extreme_dates(db, query, slot, field, true);
    for (NameSummary& name : names) {
      if (auto it = first.find(name.name); it != first.end()) name.first_date = iso_date(it->second);
      if (auto it = last.find(name.name); it != last.end()) name.last_date = iso_date(it->second);
    }
  }
  sort_name_summaries(names, order);
  return names;
}

}  // namespace byline
