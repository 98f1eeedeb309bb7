#include "facets_text.h"

#include <algorithm>

#include "terminal_text.h"

namespace byline::cli {

std::string facets_text(const Results& results) {
  std::string out;
  for (const auto& [name, counts] : results.facets) {
    out += "\n" + name + (results.total_exact ? "" : " (estimated counts)") + ":";
    if (counts.empty()) out += " none";
    out += "\n";
    std::size_t widest = 1;
    for (const FacetCount& c : counts) widest = std::max(widest, std::to_string(c.count).size());
    const std::size_t shown = std::min(counts.size(), kFacetValuesShown);
    for (std::size_t i = 0; i < shown; ++i) {
      const std::string count = std::to_string(counts[i].count);
      const std::string value = counts[i].value.empty() ? "(none)" : terminal_safe(counts[i].value);
      out += "  " + std::string(widest - count.size(), ' ') + count + "  " + value + "\n";
    }
    if (counts.size() > shown)
      out += "  ... and " + std::to_string(counts.size() - shown) + " more (--format json lists every value)\n";
  }
  return out;
}

}  // namespace byline::cli
