// The reference page (corpus/000_22e4804a8479d9b0.txt), field by field.
#include <catch2/catch.hpp>

#include "byline/page.h"
#include "test_support.h"

namespace {

const byline::ParseResult& seed() {
  static const byline::ParseResult result =
      byline::parse_page(byline::test::read_file(byline::test::source_path("corpus/000_22e4804a8479d9b0.txt")));
  return result;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("seed page: article fields", "[parser][seed]") {
  const auto& r = seed();
  CHECK(r.is_news_page);
  CHECK(r.warnings.empty());
  const byline::Article& a = r.page.article;
  CHECK(a.title == "Boston bombing looms large at U.S./Russia meeting");
  CHECK(a.date == "2013-04-22T22:08");
  CHECK(a.author == "Elise Labott");
  CHECK(a.tags == std::vector<std::string>{"Kerry", "Putin", "Russia", "Terrorism"});
  CHECK(starts_with(a.text, "BRUSSELS (CNN) - When Secretary of State John Kerry meets Tuesday"));
  CHECK(ends_with(a.text, "fight against it in the way that we are.\""));
  CHECK(a.text.find("\n\nThere also will be the issue of missile defense") != std::string::npos);
  CHECK(a.text.find("\n\n\n") == std::string::npos);
  // Nothing but the body: no byline, trailer, comments or footer.
  for (const char* outside :
       {"By Elise", "Post by", "Filed under", "soundoff", "Post a comment", "CNN welcomes", "Boston bombing looms"})
    CHECK(a.text.find(outside) == std::string::npos);
}

TEST_CASE("seed page: comments", "[parser][seed]") {
  const auto& comments = seed().page.comments;
  REQUIRE(comments.size() == 10);
  const char* authors[] = {"Name*sidx1", "Gdgjhuk Msftj",   "JZG",  "Ted", "Yury", "Valentine", "USMC1371",
                           "helenecha",  "Rtyihfgj Eruknb", "Eleni"};
  for (std::size_t i = 0; i < comments.size(); ++i) {
    CAPTURE(i);
    CHECK(comments[i].index == static_cast<int>(i) + 1);
    CHECK(comments[i].author == authors[i]);
    CHECK(comments[i].date.has_value());
    if (i != 6) CHECK_FALSE(comments[i].parent.has_value());
    CHECK(comments[i].text.find("Post a comment") == std::string::npos);
    CHECK(comments[i].text.find("CNN welcomes") == std::string::npos);
  }
  CHECK(comments[0].date == "2013-04-24T19:43");
  CHECK(comments[0].text ==
        "How can reporters lie to the American people.I understand the government lies cause I was part of those "
        "lies.We know what you are doing.");
  CHECK(comments[1].text.empty());
  CHECK(comments[8].text.empty());
  CHECK(comments[6].parent == 6);
  CHECK(comments[6].date == "2013-04-23T06:45");
  CHECK(comments[6].text == "Only if your on the wrong end of the barrel.");
  CHECK(comments[9].date == "2013-04-22T22:35");
  CHECK(comments[9].text.find("Their driver was killed") != std::string::npos);
}

TEST_CASE("seed page: lines inside a comment paragraph keep their newline", "[parser][seed]") {
  const byline::Comment& yury = seed().page.comments[4];
  CHECK(yury.author == "Yury");
  CHECK(starts_with(yury.text, "Americans are double-faced:\nIf the same people have made it"));
  CHECK(yury.text.find("vile act of terrorism.\n\nRussian think absolutely differently") != std::string::npos);
  CHECK(ends_with(yury.text, "(everybody, always, everywhere) ."));
  CHECK(yury.date == "2013-04-23T05:37");
}
