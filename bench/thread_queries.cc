// bench_thread_query: the cost of Byline's thread queries (issue #15), each
// against a plain query of the same words run in the same process on the same
// index, through the public library (byline::Searcher) as an embedder would:
// top 10 with 200-character snippets.
//
//   bench_thread_query DB TRUTH.jsonl [--count N] [--warmup N] [--passes N]
//
// TRUTH is make-archive's --truth file for the indexed archive. Query pair i
// starts at the i*pages/N-th page that has a reply (so every form has
// something to find) and is, by i mod 7 (A: a title word, T: a tag, C: a word
// of a comment, P: a word of the comment it answers):
//   on          `on:(title:A) C`             vs `A C`  (read from the comments' copies)
//   on body     `on:(B) C`                   vs `B C`  (B: a word of the article's text; a join)
//   discussed   `A discussed:(C)`            vs `A C`
//   reply       `reply:(P) C`                vs `P C`
//   tag         `type:comment tag:"T" C`     vs `T C`
//   title       `type:comment title:A C`     vs `A C`
//   thread      `A C` with Query::thread     vs `A C`
// Words are lowercase [a-z]{3,}, not stop words, not query operators.
// Prints one JSON object: per form, the thread query's and the plain query's
// latency summaries (microseconds) and the ratio of their p50s.
#include <cctype>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench_common.h"
#include "byline/searcher.h"
#include "stopwords.h"

namespace byline::bench {
namespace {

constexpr const char* kProgram = "bench_thread_query";

struct Pair {
  std::string form;
  Query thread;
  Query plain;
};

class Words {
 public:
  Words() : stopper_(make_stopper("english")) {}

  // The eligible words of a text, in order.
  std::vector<std::string> of(const std::string& text) const {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
      if (eligible(word)) out.push_back(word);
      word.clear();
    };
    for (char c : text) {
      if (std::isalpha(static_cast<unsigned char>(c)) != 0)
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      else
        flush();
    }
    flush();
    return out;
  }

 private:
  bool eligible(const std::string& w) const {
    if (w.size() < 3) return false;
    if (w == "and" || w == "or" || w == "not" || w == "near" || w == "adj" || w == "xor") return false;
    return stopper_ == nullptr || !(*stopper_)(w);
  }
  std::unique_ptr<Xapian::Stopper> stopper_;
};

std::string pick(const std::vector<std::string>& words, std::mt19937& rng) {
  return words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(rng)];
}

Query top10(const std::string& text) {
  Query q;
  q.text = text;
  q.limit = 10;
  q.snippet_chars = 200;
  return q;
}

// The page's words by role, or false when it lacks one of them.
struct PageWords {
  std::string title, tag, comment, parent, body;
};

bool page_words(const nlohmann::json& page, const Words& words, std::mt19937& rng, PageWords& out) {
  std::vector<std::string> title = words.of(page["article"]["title"].get<std::string>());
  std::vector<std::string> body = words.of(page["article"]["text"].get<std::string>());
  const auto& tags = page["article"]["tags"];
  if (title.empty() || body.empty() || tags.empty()) return false;
  const auto& comments = page["comments"];
  std::map<int, std::string> texts;
  for (const auto& c : comments) texts[c["index"].get<int>()] = c["text"].get<std::string>();
  for (const auto& c : comments) {
    if (c["parent"].is_null()) continue;
    std::vector<std::string> mine = words.of(c["text"].get<std::string>());
    std::vector<std::string> theirs = words.of(texts[c["parent"].get<int>()]);
    if (mine.empty() || theirs.empty()) continue;
    out.title = pick(title, rng);
    out.tag = tags[std::uniform_int_distribution<std::size_t>(0, tags.size() - 1)(rng)].get<std::string>();
    out.comment = pick(mine, rng);
    out.parent = pick(theirs, rng);
    out.body = pick(body, rng);
    return true;
  }
  return false;
}

std::vector<Pair> make_pairs(const std::string& truth_path, std::size_t count) {
  std::ifstream in(truth_path);
  if (!in) throw std::runtime_error("cannot read " + truth_path);
  std::vector<nlohmann::json> pages;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) pages.push_back(nlohmann::json::parse(line));
  if (pages.empty()) throw std::runtime_error(truth_path + ": no pages");
  Words words;
  std::mt19937 rng(7);
  std::vector<Pair> out;
  for (std::size_t i = 0; i < count; ++i) {
    PageWords w;
    bool found = false;
    for (std::size_t k = i * pages.size() / count; k < pages.size() && !found; ++k)
      found = page_words(pages[k], words, rng, w);
    if (!found) continue;
    const std::string tag = "\"" + w.tag + "\"";
    Pair p;
    switch (i % 7) {
      case 0:
        p = {"on", top10("on:(title:" + w.title + ") " + w.comment), top10(w.title + " " + w.comment)};
        break;
      case 1:
        p = {"discussed", top10(w.title + " discussed:(" + w.comment + ")"), top10(w.title + " " + w.comment)};
        break;
      case 2:
        p = {"reply", top10("reply:(" + w.parent + ") " + w.comment), top10(w.parent + " " + w.comment)};
        break;
      case 3:
        p = {"tag", top10("type:comment tag:" + tag + " " + w.comment), top10(tag + " " + w.comment)};
        break;
      case 4:
        p = {"title", top10("type:comment title:" + w.title + " " + w.comment), top10(w.title + " " + w.comment)};
        break;
      case 5:
        p = {"on body", top10("on:(" + w.body + ") " + w.comment), top10(w.body + " " + w.comment)};
        break;
      default:
        p = {"thread", top10(w.title + " " + w.comment), top10(w.title + " " + w.comment)};
        p.thread.thread = true;
        break;
    }
    out.push_back(std::move(p));
  }
  return out;
}

int run(int argc, char** argv) {
  // --count is this program's own option; the rest are bench_common's.
  std::size_t count = 300;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::string(argv[i]) == "--count" && i + 1 < argc) {
      count = std::stoul(argv[++i]);
      continue;
    }
    rest.push_back(argv[i]);
  }
  Options options;
  std::string why;
  if (!parse_options(static_cast<int>(rest.size()), rest.data(), 1, options, why)) return usage_error(kProgram, why);
  if (options.positional.size() != 2)
    return usage_error(kProgram, "usage: bench_thread_query DB TRUTH.jsonl [--count N] [--warmup N] [--passes N]");
  Searcher searcher(options.positional[0]);
  std::vector<Pair> pairs = make_pairs(options.positional[1], count);

  // Per form: latencies of the thread queries and of the plain ones, run
  // alternately (thread, then plain) in every pass so both see the same cache.
  std::map<std::string, std::vector<double>> thread_us, plain_us;
  std::map<std::string, double> thread_hits, plain_hits;
  std::size_t sink = 0;
  auto timed = [&](const Query& q) {
    Clock::time_point start = Clock::now();
    Results r = searcher.search(q);
    double us = seconds_since(start) * 1e6;
    for (const Hit& h : r.hits) sink += h.snippet.text.size();
    for (const ThreadGroup& g : r.groups) sink += g.comments.size();
    return std::pair<double, std::size_t>(us, r.hits.size());
  };
  for (int pass = 0; pass < options.warmup + options.passes; ++pass) {
    bool record = pass >= options.warmup;
    for (const Pair& p : pairs) {
      auto [t, tn] = timed(p.thread);
      auto [u, un] = timed(p.plain);
      if (!record) continue;
      thread_us[p.form].push_back(t);
      plain_us[p.form].push_back(u);
      thread_hits[p.form] += static_cast<double>(tn);
      plain_hits[p.form] += static_cast<double>(un);
    }
  }
  nlohmann::json forms = nlohmann::json::object();
  for (const auto& [form, times] : thread_us) {
    LatencySummary t = summarise(times);
    LatencySummary u = summarise(plain_us[form]);
    double n = static_cast<double>(times.size());
    forms[form] = {{"thread", to_json(t)},
                   {"plain", to_json(u)},
                   {"p50_ratio", u.p50 > 0 ? t.p50 / u.p50 : 0.0},
                   {"thread_mean_hits", thread_hits[form] / n},
                   {"plain_mean_hits", plain_hits[form] / n}};
  }
  nlohmann::json examples = nlohmann::json::object();
  for (const Pair& p : pairs)
    if (!examples.contains(p.form)) examples[p.form] = {p.thread.text, p.plain.text};
  nlohmann::json out = {{"program", kProgram}, {"pairs", pairs.size()}, {"passes", options.passes},
                        {"forms", forms},      {"examples", examples},  {"sink", sink}};
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace
}  // namespace byline::bench

int main(int argc, char** argv) {
  try {
    return byline::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << byline::bench::kProgram << ": " << e.what() << "\n";
  }
  return 1;
}
