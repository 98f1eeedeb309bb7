// on:(Q) over an article's title words and tags reads the copies its
// comments carry (thread_query.h: on_from_copied_terms) instead of joining;
// anything else in Q keeps the join. The answers are checked against the
// ground truth in tests/cli/threads_cli_test.cc; this checks which queries
// take the copies and what they become.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "schema.h"
#include "thread_query.h"

using namespace byline;
using Q = Xapian::Query;

namespace {

std::string description(const std::optional<Q>& q) { return q ? q->get_description() : "(join)"; }

Q on_comments(const Q& q) {
  return Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_FILTER, q, Q(schema::term(schema::kPrefixType, schema::kTypeComment))), 0.0);
}

}  // namespace

TEST_CASE("on:() over title words and tags becomes the comments' copied terms", "[threads][copied-terms]") {
  // title:texas as the parser gives it: the article's S stem or a comment's XS one.
  const Q title(Q::OP_OR, Q("Stexa", 1, 1), Q("XStexa", 1, 1));
  CHECK(description(on_from_copied_terms(title)) ==
        on_comments(Q(Q::OP_OR, Q("XStexa"), Q("XStexa"))).get_description());

  const Q tag(Q::OP_SCALE_WEIGHT, Q("Kcoffee"), 0.0);
  CHECK(description(on_from_copied_terms(tag)) == on_comments(Q("Kcoffee")).get_description());

  const Q both(Q::OP_AND_NOT, Q(Q::OP_AND, Q("Sstadium"), Q(Q::OP_SYNONYM, Q("Sowner"), Q("Sowners"))), Q("Kpolitics"));
  CHECK(description(on_from_copied_terms(both)) ==
        on_comments(
            Q(Q::OP_AND_NOT, Q(Q::OP_AND, Q("XSstadium"), Q(Q::OP_OR, Q("XSowner"), Q("XSowners"))), Q("Kpolitics")))
            .get_description());

  // A ranking-only side changes no match.
  const Q maybe(Q::OP_AND_MAYBE, Q("Sstadium"), Q("owner"));
  CHECK(description(on_from_copied_terms(maybe)) == on_comments(Q("XSstadium")).get_description());
}

TEST_CASE("on:() over anything a comment does not carry of its article keeps the join", "[threads][copied-terms]") {
  CHECK_FALSE(on_from_copied_terms(Q("texa")));                                // a body word
  CHECK_FALSE(on_from_copied_terms(Q(Q::OP_OR, Q("Stexa"), Q("texa"))));       // title or body
  CHECK_FALSE(on_from_copied_terms(Q("XAfred")));                              // the article's author
  CHECK_FALSE(on_from_copied_terms(Q(Q::OP_PHRASE, Q("Soil"), Q("Sprice"))));  // copies have no positions
  CHECK_FALSE(on_from_copied_terms(Q(Q::OP_VALUE_RANGE, schema::kSlotDate, "2013", "2014")));
  CHECK_FALSE(on_from_copied_terms(Q::MatchAll));  // every article: the join's answer
  CHECK_FALSE(on_from_copied_terms(Q(Q::OP_AND_NOT, Q::MatchAll, Q("Stexa"))));
  CHECK_FALSE(on_from_copied_terms(Q(Q::OP_WILDCARD, "Stex")));
  CHECK_FALSE(on_from_copied_terms(Q(Q::OP_AND, Q("Kcoffee"), Q(schema::term(schema::kPrefixType, "article")))));
}
