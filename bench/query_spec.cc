#include "query_spec.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace byline::bench {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace

std::vector<QuerySpec> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<QuerySpec> queries;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    auto fields = split(line, '\t');
    if (fields.size() != 5 || (fields[0] != "words" && fields[0] != "phrase"))
      throw std::runtime_error(path + ":" + std::to_string(number) +
                               ": not kind<TAB>words<TAB>type<TAB>author<TAB>year");
    QuerySpec query;
    query.phrase = fields[0] == "phrase";
    for (auto& word : split(fields[1], ' '))
      if (!word.empty()) query.words.push_back(word);
    if (query.words.empty()) throw std::runtime_error(path + ":" + std::to_string(number) + ": no words");
    query.type = fields[2];
    query.author = fields[3];
    query.year = fields[4];
    queries.push_back(std::move(query));
  }
  return queries;
}

void save_queries(const std::string& path, const std::vector<QuerySpec>& queries) {
  std::ofstream out(path);
  for (const auto& q : queries)
    out << (q.phrase ? "phrase" : "words") << '\t' << join(q.words) << '\t' << q.type << '\t' << q.author << '\t'
        << q.year << '\n';
  if (!out) throw std::runtime_error(path + ": cannot write");
}

std::string query_words_text(const QuerySpec& query) {
  std::string text = join(query.words);
  return query.phrase ? "\"" + text + "\"" : text;
}

std::string describe(const QuerySpec& query) {
  std::string text = query_words_text(query);
  if (!query.type.empty()) text += " type:" + query.type;
  if (!query.author.empty()) text += " author:\"" + query.author + "\"";
  if (!query.year.empty()) text += " date:" + query.year;
  return text;
}

}  // namespace byline::bench
