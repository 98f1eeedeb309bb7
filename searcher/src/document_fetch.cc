#include "document_fetch.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <tuple>

#include "byline/error.h"

namespace byline {
namespace {

// What a connection must match to read the same revision as the main one.
using Stats = std::tuple<Xapian::doccount, Xapian::docid, Xapian::totallength>;

Stats stats_of(const Xapian::Database& db) { return {db.get_doccount(), db.get_lastdocid(), db.get_total_length()}; }

// One connection's share of a fetch: read in a worker thread.
struct Share {
  std::size_t shard = 0;
  std::size_t connection = 0;
  std::uint64_t generation = 0;                              // of the main connection
  Stats stats;                                               // of the main connection
  std::vector<std::pair<std::size_t, Xapian::docid>> items;  // (output index, docid in the shard)
  std::vector<std::size_t> fallback;                         // output indexes for the main connection
  std::size_t pooled = 0;
  bool opened = false;
  std::exception_ptr error;
};

}  // namespace

std::size_t fetch_connections_per_shard() {
  const char* text = std::getenv("BYLINE_REMOTE_FETCH_CONNECTIONS");
  if (text == nullptr || *text == '\0') return kFetchConnectionsPerShard;
  char* end = nullptr;
  const unsigned long value = std::strtoul(text, &end, 10);
  if (*end != '\0' || *text == '-' || value > 64)
    throw BadQuery(std::string("BYLINE_REMOTE_FETCH_CONNECTIONS: '") + text + "' is not a whole number from 0 to 64");
  return value;
}

DocumentFetcher::DocumentFetcher(std::size_t connections_per_shard) : per_shard_(connections_per_shard) {}

DocumentFetcher::~DocumentFetcher() = default;

std::vector<std::string> DocumentFetcher::fetch(ShardSet& shards, const std::vector<Xapian::docid>& docids,
                                                bool missing_ok) {
  std::vector<std::string> out(docids.size());
  const std::size_t n = shards.size();
  if (layout_ != shards.layout()) {
    // Shards were left out or connected anew: indexes shifted, and the old
    // connections may be in the middle of an exchange.
    pools_.clear();
    layout_ = shards.layout();
  }
  pools_.resize(n);

  // Group each remote shard's documents; read the local ones right away.
  std::vector<std::vector<std::pair<std::size_t, Xapian::docid>>> remote(n);
  std::vector<std::size_t> on_main;
  for (std::size_t i = 0; i < docids.size(); ++i) {
    const std::size_t shard = (docids[i] - 1) % n;
    const Xapian::docid local = (docids[i] - 1) / static_cast<Xapian::docid>(n) + 1;
    if (shards.entry(shard).remote && per_shard_ > 0)
      remote[shard].emplace_back(i, local);
    else
      on_main.push_back(i);
  }
  std::vector<Share> shares;
  for (std::size_t shard = 0; shard < n; ++shard) {
    const auto& items = remote[shard];
    if (items.empty()) continue;
    // A lone document is read on the main connection: no thread, no extra
    // connection, the same single round trip.
    if (items.size() == 1) {
      on_main.push_back(items[0].first);
      continue;
    }
    const std::size_t used = std::min(items.size(), per_shard_);
    if (pools_[shard].size() < used) pools_[shard].resize(used);
    const std::size_t first = shares.size();
    for (std::size_t c = 0; c < used; ++c) {
      Share share;
      share.shard = shard;
      share.connection = c;
      share.generation = shards.generation(shard);
      share.stats = stats_of(shards.shard_database(shard));
      shares.push_back(std::move(share));
    }
    for (std::size_t k = 0; k < items.size(); ++k) shares[first + k % used].items.push_back(items[k]);
  }

  auto read_share = [&](Share& share) {
    Connection& connection = pools_[share.shard][share.connection];
    const ShardEntry& entry = shards.entry(share.shard);
    std::size_t done = 0;
    try {
      if (!connection.db) {
        const unsigned timeout = remote_timeout_ms();
        connection.db = Xapian::Remote::open(entry.host, entry.port, timeout, timeout);
        connection.generation = share.generation;
        share.opened = true;
      } else if (connection.generation != share.generation) {
        connection.db->reopen();
        connection.generation = share.generation;
      }
      if (stats_of(*connection.db) != share.stats) {
        // A commit came between the main connection's reopen and ours:
        // ours may read a newer revision. Once more, then the main one.
        connection.db->reopen();
        if (stats_of(*connection.db) != share.stats) {
          for (const auto& item : share.items) share.fallback.push_back(item.first);
          return;
        }
      }
      for (; done < share.items.size(); ++done) {
        const auto& [index, local] = share.items[done];
        try {
          out[index] = connection.db->get_document(local).get_data();
          ++share.pooled;
        } catch (const Xapian::DocNotFoundError&) {
          share.fallback.push_back(index);
        }
      }
    } catch (const Xapian::NetworkTimeoutError&) {
      connection.db.reset();
      share.error = std::current_exception();
    } catch (const Xapian::Error&) {
      // Closed, refused, or anything else this connection could not do: the
      // main connection reads the rest (and fails the same way if the
      // server is gone).
      connection.db.reset();
      for (; done < share.items.size(); ++done) share.fallback.push_back(share.items[done].first);
    } catch (...) {
      connection.db.reset();
      share.error = std::current_exception();
    }
  };

  auto read_on_main = [&](std::size_t index) {
    const std::size_t shard = (docids[index] - 1) % n;
    const Xapian::docid local = (docids[index] - 1) / static_cast<Xapian::docid>(n) + 1;
    try {
      // DOC_ASSUME_VALID: a local shard then reads the document's data and
      // nothing else (one pread less per document); a docid that is not
      // there reads as empty data, which callers with missing_ok take as
      // missing. (The remote backend checks anyway.)
      out[index] = shards.shard_database(shard).get_document(local, Xapian::DOC_ASSUME_VALID).get_data();
    } catch (const Xapian::DocNotFoundError&) {
      if (!missing_ok) throw;
    }
  };

  // This thread reads the local documents, then the first share; the pool's
  // threads the other shares.
  std::exception_ptr caller_error;
  std::vector<std::function<void()>> tasks;
  tasks.emplace_back([&] {
    try {
      for (std::size_t index : on_main) read_on_main(index);
    } catch (...) {
      caller_error = std::current_exception();
    }
    if (!shares.empty()) read_share(shares[0]);
  });
  for (std::size_t s = 1; s < shares.size(); ++s) tasks.emplace_back([&, s] { read_share(shares[s]); });
  workers_.run(tasks);
  if (caller_error) std::rethrow_exception(caller_error);

  counts_.max_threads = std::max(counts_.max_threads, shares.size());
  counts_.main += on_main.size();
  for (const Share& share : shares) {
    if (share.error) std::rethrow_exception(share.error);
    counts_.pooled += share.pooled;
    counts_.opened += share.opened ? 1 : 0;
  }
  for (const Share& share : shares) {
    for (std::size_t index : share.fallback) read_on_main(index);
    counts_.fallbacks += share.fallback.size();
    counts_.main += share.fallback.size();
  }
  return out;
}

}  // namespace byline
