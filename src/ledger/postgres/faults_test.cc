// Faults and races of the PostgreSQL store, on a real server: a connection
// dropped mid-transaction, mid-batch and while idle; an unreachable server; a
// read-only store; and eight threads (or processes), each with its own
// connection, racing to draw on one allocation and one LPP account.
//
// Runs only when HF_TEST_POSTGRES_URL names a scratch database (see
// tests/pg/start_postgres.sh); each test works in a schema of its own there.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "ledger/postgres/store.h"

namespace highfence::ledger {
namespace {

constexpr char kAllocation[] = "allocation:AE";
constexpr char kLpp[] = "lpp:acme:2025";

TransferRequest Draw(std::string id, std::string_view account, int64_t milli,
                     std::optional<int64_t> cap_milli, TransferState state) {
  TransferRequest t;
  t.id = std::move(id);
  t.account = account;
  t.amount = Fixed::FromMilli(milli);
  t.state = state;
  if (cap_milli) t.cap = Fixed::FromMilli(*cap_milli);
  t.shipment_id = t.id.substr(0, t.id.find('/'));
  t.on = Date::FromCivil(2025, 6, 1);
  return t;
}

// A libpq connection of the test's own, for setting up, inspecting and killing.
class Admin {
 public:
  explicit Admin(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }
  ~Admin() { PQfinish(conn_); }
  Admin(const Admin&) = delete;
  Admin& operator=(const Admin&) = delete;
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  std::string error() const { return PQerrorMessage(conn_); }

  // Runs `sql`; returns the first column of the first row ("" when none).
  std::string Exec(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    ExecStatusType s = PQresultStatus(r);
    EXPECT_TRUE(s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
        << sql << ": " << PQresultErrorMessage(r);
    std::string out = PQntuples(r) > 0 && PQnfields(r) > 0 ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    return out;
  }
  int64_t Count(const std::string& sql) { return std::atoll(Exec(sql).c_str()); }

 private:
  PGconn* conn_;
};

class PostgresFaults : public testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("HF_TEST_POSTGRES_URL");
    if (url == nullptr || *url == '\0') {
      GTEST_SKIP() << "HF_TEST_POSTGRES_URL is not set: the PostgreSQL faults are not tested "
                      "(start a scratch server with tests/pg/start_postgres.sh and export the "
                      "URL it prints)";
    }
    static std::atomic<int> counter{0};
    schema_ = fmt::format("hf_faults_{}_{}", getpid(), counter++);
    base_url_ = url;
    char sep = base_url_.find('?') == std::string::npos ? '?' : '&';
    url_ = fmt::format("{}{}options=-csearch_path%3D{}", base_url_, sep, schema_);
    admin_ = std::make_unique<Admin>(url_);
    ASSERT_TRUE(admin_->ok()) << admin_->error();
    admin_->Exec(fmt::format("DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}", schema_));
  }
  void TearDown() override {
    if (admin_) admin_->Exec(fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", schema_));
  }

  std::unique_ptr<LedgerStore> OpenStore(bool read_only = false) {
    Result<std::unique_ptr<LedgerStore>> s = OpenPostgresStore(url_, read_only);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  // Waits (up to 10 s) until backend `pid` waits on a lock.
  bool WaitsOnLock(int pid) {
    for (int i = 0; i < 1000; ++i) {
      std::string sql = fmt::format(
          "SELECT count(*) FROM pg_stat_activity WHERE pid = {} AND wait_event_type = 'Lock'", pid);
      if (admin_->Count(sql) == 1) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  void Terminate(int pid) {
    ASSERT_NE(pid, 0);
    EXPECT_EQ(admin_->Exec(fmt::format("SELECT pg_terminate_backend({})", pid)), "t");
    // pg_terminate_backend only signals: wait until the backend is gone.
    for (int i = 0; i < 500; ++i) {
      if (admin_->Count(fmt::format("SELECT count(*) FROM pg_stat_activity WHERE pid = {}", pid)) ==
          0) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "backend " << pid << " did not end";
  }

  std::string schema_;
  std::string base_url_;
  std::string url_;
  std::unique_ptr<Admin> admin_;
};

TEST_F(PostgresFaults, ConnectionDroppedMidTransactionWritesNothingAndTheNextCallWorks) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  TransferRequest first = Draw("s1/a", kAllocation, 100'000, 1'000'000, TransferState::kPending);
  ASSERT_TRUE(store->Record({&first, 1}).ok());

  // Another session holds the account row, so the store's next write stops
  // inside its transaction (chain head taken, waiting for the account).
  Admin locker(url_);
  ASSERT_TRUE(locker.ok()) << locker.error();
  locker.Exec("BEGIN");
  locker.Exec(fmt::format("SELECT id FROM accounts WHERE id = '{}' FOR UPDATE", kAllocation));
  int pid = static_cast<PostgresStore*>(store.get())->backend_pid_for_test();
  TransferRequest second = Draw("s2/a", kAllocation, 250'000, 1'000'000, TransferState::kPending);
  Status during;
  std::thread writer([&] { during = store->Record({&second, 1}).status(); });
  ASSERT_TRUE(WaitsOnLock(pid));
  Terminate(pid);
  writer.join();
  locker.Exec("ROLLBACK");

  EXPECT_EQ(during.code(), Status::Code::kIOError) << during.ToString();
  EXPECT_NE(during.message().find("lost the connection"), std::string_view::npos)
      << during.ToString();
  EXPECT_NE(during.message().find("nothing of this call was written"), std::string_view::npos);
  // Nothing partial: no transfer, no event, no balance change.
  EXPECT_EQ(admin_->Count("SELECT count(*) FROM transfers WHERE id = 's2/a'"), 0);
  EXPECT_EQ(admin_->Count("SELECT count(*) FROM events"), 1);
  EXPECT_EQ(
      admin_->Count(fmt::format("SELECT pending_milli FROM accounts WHERE id = '{}'", kAllocation)),
      100'000);

  // The next call reconnects and works; the retry draws once.
  ASSERT_TRUE(store->Record({&second, 1}).ok());
  ASSERT_TRUE(store->Record({&second, 1}).ok());
  Result<AccountState> a = store->Show(kAllocation);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->pending, Fixed::FromMilli(350'000));
  Result<VerifyReport> v = store->Verify();
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(v->events, 2);
}

TEST_F(PostgresFaults, ConnectionDroppedWhileIdleIsReconnectedQuietly) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  TransferRequest first = Draw("s1/a", kAllocation, 1'000, 10'000, TransferState::kPosted);
  ASSERT_TRUE(store->Record({&first, 1}).ok());
  Terminate(static_cast<PostgresStore*>(store.get())->backend_pid_for_test());
  // A read first, then a write, each on a connection found dead.
  Result<AccountBalance> b = store->Balance(kAllocation, "");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->posted, Fixed::FromMilli(1'000));
  Terminate(static_cast<PostgresStore*>(store.get())->backend_pid_for_test());
  TransferRequest second = Draw("s2/a", kAllocation, 2'000, 10'000, TransferState::kPosted);
  Status st = store->Record({&second, 1}).status();
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(admin_->Count("SELECT count(*) FROM transfers"), 2);
}

TEST_F(PostgresFaults, ConnectionDroppedMidBatchAbandonsTheWholeBatch) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  TransferRequest before = Draw("s0/a", kAllocation, 1'000, 100'000, TransferState::kPending);
  ASSERT_TRUE(store->Record({&before, 1}).ok());

  ASSERT_TRUE(store->BeginBatch().ok());
  TransferRequest a = Draw("s1/a", kAllocation, 2'000, 100'000, TransferState::kPending);
  TransferRequest b = Draw("s2/a", kAllocation, 3'000, 100'000, TransferState::kPending);
  ASSERT_TRUE(store->Record({&a, 1}).ok());
  ASSERT_TRUE(store->Record({&b, 1}).ok());
  Terminate(static_cast<PostgresStore*>(store.get())->backend_pid_for_test());
  TransferRequest c = Draw("s3/a", kAllocation, 4'000, 100'000, TransferState::kPending);
  Status st = store->Record({&c, 1}).status();
  EXPECT_EQ(st.code(), Status::Code::kIOError) << st.ToString();
  EXPECT_NE(st.message().find("the open batch was rolled back"), std::string_view::npos)
      << st.ToString();
  // Every later call of the batch says the same, and so does CommitBatch.
  EXPECT_EQ(store->Balance(kAllocation, "").status().code(), Status::Code::kIOError);
  Status commit = store->CommitBatch();
  EXPECT_EQ(commit.code(), Status::Code::kIOError) << commit.ToString();
  EXPECT_EQ(admin_->Count("SELECT count(*) FROM transfers"), 1);
  EXPECT_EQ(admin_->Count("SELECT count(*) FROM events"), 1);

  // A new batch works, and the shipments of the lost one can be drawn again.
  ASSERT_TRUE(store->BeginBatch().ok());
  for (TransferRequest* t : {&a, &b, &c}) ASSERT_TRUE(store->Record({t, 1}).ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  Result<AccountState> acc = store->Show(kAllocation);
  ASSERT_TRUE(acc.ok());
  EXPECT_EQ(acc->pending, Fixed::FromMilli(10'000));
  Result<VerifyReport> v = store->Verify();
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->ok) << v->problem;
}

TEST_F(PostgresFaults, UnreachableServerIsAClearIOError) {
  Result<std::unique_ptr<LedgerStore>> s =
      OpenPostgresStore("postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2", false);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kIOError);
  EXPECT_NE(s.status().message().find("cannot connect to the PostgreSQL ledger at "
                                      "nobody@127.0.0.1:1/none"),
            std::string_view::npos)
      << s.status().ToString();
  EXPECT_EQ(s.status().message().find("secret"), std::string_view::npos);  // no password
}

TEST_F(PostgresFaults, MissingSchemaIsAClearError) {
  char sep = base_url_.find('?') == std::string::npos ? '?' : '&';
  std::string url = fmt::format("{}{}options=-csearch_path%3D{}_none", base_url_, sep, schema_);
  Result<std::unique_ptr<LedgerStore>> s = OpenPostgresStore(url, false);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.status().message().find("no schema to hold the ledger"), std::string_view::npos)
      << s.status().ToString();
}

TEST_F(PostgresFaults, ReadOnlyStoreReadsButNeverWrites) {
  {
    Result<std::unique_ptr<LedgerStore>> none = OpenPostgresStore(url_, true);
    ASSERT_FALSE(none.ok());  // an empty schema holds no ledger to read
    EXPECT_EQ(none.status().code(), Status::Code::kInvalidArgument);
  }
  auto writer = OpenStore();
  ASSERT_NE(writer, nullptr);
  TransferRequest t = Draw("s1/a", kAllocation, 5'000, 10'000, TransferState::kPosted);
  ASSERT_TRUE(writer->Record({&t, 1}).ok());
  auto reader = OpenStore(/*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  Result<AccountBalance> b = reader->Balance(kAllocation, "");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->posted, Fixed::FromMilli(5'000));
  TransferRequest u = Draw("s2/a", kAllocation, 1'000, 10'000, TransferState::kPosted);
  Status st = reader->Record({&u, 1}).status();
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_NE(st.message().find("read-only"), std::string_view::npos) << st.ToString();
  EXPECT_EQ(admin_->Count("SELECT count(*) FROM transfers"), 1);
}

TEST_F(PostgresFaults, ConcurrentOpenersOfAnEmptyDatabaseCreateTheTablesOnce) {
  std::vector<std::thread> threads;
  std::atomic<int> opened{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      Result<std::unique_ptr<LedgerStore>> s = OpenPostgresStore(url_, false);
      EXPECT_TRUE(s.ok()) << s.status().ToString();
      if (s.ok()) ++opened;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(opened.load(), 8);
  EXPECT_EQ(admin_->Count("SELECT count(*) FROM ledger_meta"), 2);
}

// A batch works from memory while it holds the chain head, and keeps what it
// read into the next batch only while no one else has written: here another
// store draws between two batches, and the second batch must see that draw.
TEST_F(PostgresFaults, BatchCacheSeesWhatOthersWroteBetweenBatches) {
  auto a = OpenStore();
  auto b = OpenStore();
  ASSERT_TRUE(a != nullptr && b != nullptr);
  constexpr int64_t kCap = 10'000;
  ASSERT_TRUE(a->BeginBatch().ok());
  ASSERT_TRUE(a->Balance(kAllocation, "s1").ok());
  TransferRequest first = Draw("s1/a", kAllocation, 6'000, kCap, TransferState::kPending);
  ASSERT_TRUE(a->Record({&first, 1}).ok());
  ASSERT_TRUE(a->Record({&first, 1}).ok());  // a retry inside the batch draws once
  ASSERT_TRUE(a->CommitBatch().ok());

  TransferRequest other = Draw("s2/a", kAllocation, 3'000, kCap, TransferState::kPending);
  ASSERT_TRUE(b->Record({&other, 1}).ok());

  ASSERT_TRUE(a->BeginBatch().ok());
  Result<AccountBalance> seen = a->Balance(kAllocation, "s3");
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->pending, Fixed::FromMilli(9'000));
  TransferRequest late = Draw("s3/a", kAllocation, 2'000, kCap, TransferState::kPending);
  EXPECT_EQ(a->Record({&late, 1}).code(), Status::Code::kConflict);
  TransferRequest fits = Draw("s4/a", kAllocation, 1'000, kCap, TransferState::kPending);
  EXPECT_TRUE(a->Record({&fits, 1}).ok());
  ASSERT_TRUE(a->CommitBatch().ok());

  // With no one else writing, the next batch keeps its cache and still
  // answers exactly, including a retry of a shipment of an earlier batch.
  ASSERT_TRUE(a->BeginBatch().ok());
  ASSERT_TRUE(a->Record({&first, 1}).ok());
  Result<AccountBalance> own = a->Balance(kAllocation, "s1");
  ASSERT_TRUE(own.ok());
  // The account as s1 first saw it: s1 drew first, so nothing (s2's and s4's
  // later draws are left out, as in a re-run).
  EXPECT_EQ(own->pending, Fixed());
  Result<AccountBalance> later = a->Balance(kAllocation, "s4");
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->pending, Fixed::FromMilli(9'000));  // s4 drew after s1 and s2
  ASSERT_TRUE(a->CommitBatch().ok());
  Result<AccountState> acc = b->Show(kAllocation);
  ASSERT_TRUE(acc.ok());
  EXPECT_EQ(acc->pending, Fixed::FromMilli(10'000));
  Result<VerifyReport> v = b->Verify();
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(v->events, 3);
}

// Two stores open batches at once: the second waits for the first's chain
// head and then sees its draws.
TEST_F(PostgresFaults, ConcurrentBatchesQueueOnTheChainHead) {
  auto a = OpenStore();
  auto b = OpenStore();
  ASSERT_TRUE(a != nullptr && b != nullptr);
  ASSERT_TRUE(a->BeginBatch().ok());
  TransferRequest first = Draw("s1/a", kAllocation, 7'000, 10'000, TransferState::kPending);
  ASSERT_TRUE(a->Record({&first, 1}).ok());
  int pid_b = static_cast<PostgresStore*>(b.get())->backend_pid_for_test();
  std::atomic<bool> began{false};
  Status second;
  std::thread other([&] {
    Status st = b->BeginBatch();
    began = true;
    if (!st.ok()) {
      second = st;
      return;
    }
    TransferRequest t = Draw("s2/a", kAllocation, 4'000, 10'000, TransferState::kPending);
    second = b->Record({&t, 1}).status();
    Status c = b->CommitBatch();
    if (second.ok()) second = c;
  });
  bool waited = WaitsOnLock(pid_b);
  EXPECT_TRUE(waited);
  EXPECT_FALSE(began.load());
  ASSERT_TRUE(a->CommitBatch().ok());
  other.join();
  EXPECT_EQ(second.code(), Status::Code::kConflict) << second.ToString();  // 7,000 + 4,000
}

// --- the race --------------------------------------------------------------------

constexpr int kRacers = 8;
constexpr int kDrawsPerRacer = 40;
constexpr int64_t kAllocationCapMilli = 5'000'000;  // about 100 draws of the mean size
constexpr int64_t kLppCapMilli = 6'000'000;

struct Drawn {
  int64_t allocation_milli = 0;
  int64_t lpp_milli = 0;
  int64_t records = 0;
  int64_t conflicts = 0;
  std::string failure;  // anything that must not happen
};

// One racer: kDrawsPerRacer shipments, each drawing a pending reservation on
// the allocation and a posted draw on the LPP account, all or none. Batched
// racers group four shipments per transaction; some shipments are submitted
// twice (an idempotent retry must draw nothing more).
Drawn Race(const std::string& url, int racer, bool batched) {
  Drawn out;
  Result<std::unique_ptr<LedgerStore>> opened = OpenPostgresStore(url, false);
  if (!opened.ok()) {
    out.failure = opened.status().ToString();
    return out;
  }
  LedgerStore& store = **opened;
  std::mt19937 rng(static_cast<uint32_t>(racer) * 7919u + 17u);
  std::uniform_int_distribution<int64_t> units(1, 100'000);  // thousandths of 100 TPP
  Drawn pending_batch;
  for (int i = 0; i < kDrawsPerRacer && out.failure.empty(); ++i) {
    if (batched && i % 4 == 0 && !store.BeginBatch().ok()) out.failure = "BeginBatch failed";
    std::string shipment = fmt::format("r{}-{}", racer, i);
    int64_t a = units(rng), l = a + a / 2 + 125;
    TransferRequest t[2] = {
        Draw(shipment + "/" + kAllocation, kAllocation, a, kAllocationCapMilli,
             TransferState::kPending),
        Draw(shipment + "/" + kLpp, kLpp, l, kLppCapMilli, TransferState::kPosted)};
    Status st = store.Record(t).status();
    if (st.ok() && i % 5 == 0) st = store.Record(t).status();  // a retry: draws nothing more
    if (st.ok()) {
      pending_batch.allocation_milli += a;
      pending_batch.lpp_milli += l;
      ++pending_batch.records;
    } else if (st.code() == Status::Code::kConflict) {
      ++out.conflicts;
    } else {
      out.failure = st.ToString();
    }
    bool flush = !batched || i % 4 == 3 || i + 1 == kDrawsPerRacer;
    if (flush && out.failure.empty()) {
      Status c = store.CommitBatch();
      if (!c.ok()) out.failure = c.ToString();
      out.allocation_milli += pending_batch.allocation_milli;
      out.lpp_milli += pending_batch.lpp_milli;
      out.records += pending_batch.records;
      pending_batch = Drawn();
    }
  }
  return out;
}

void CheckOutcome(LedgerStore* store, const std::vector<Drawn>& drawn) {
  Drawn total;
  for (const Drawn& d : drawn) {
    EXPECT_EQ(d.failure, "");
    total.allocation_milli += d.allocation_milli;
    total.lpp_milli += d.lpp_milli;
    total.records += d.records;
    total.conflicts += d.conflicts;
  }
  EXPECT_GT(total.conflicts, 0) << "the race never reached a cap";
  Result<AccountState> a = store->Show(kAllocation);
  Result<AccountState> l = store->Show(kLpp);
  ASSERT_TRUE(a.ok() && l.ok());
  EXPECT_EQ(a->pending.milli(), total.allocation_milli);
  EXPECT_EQ(a->posted.milli(), 0);
  EXPECT_EQ(l->posted.milli(), total.lpp_milli);
  EXPECT_LE(a->pending.milli(), kAllocationCapMilli);
  EXPECT_LE(l->posted.milli(), kLppCapMilli);
  Result<std::vector<TransferRecord>> all = store->Transfers();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(static_cast<int64_t>(all->size()), 2 * total.records);
  Result<VerifyReport> v = store->Verify();
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(v->events, 2 * total.records);
}

TEST_F(PostgresFaults, EightThreadsRacingNeverPassACap) {
  auto store = OpenStore();  // creates the tables before the race
  ASSERT_NE(store, nullptr);
  std::vector<Drawn> drawn(kRacers);
  std::vector<std::thread> threads;
  for (int r = 0; r < kRacers; ++r) {
    threads.emplace_back([&, r] { drawn[r] = Race(url_, r, /*batched=*/r % 2 == 1); });
  }
  for (std::thread& t : threads) t.join();
  CheckOutcome(store.get(), drawn);
}

TEST_F(PostgresFaults, EightProcessesRacingNeverPassACap) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::vector<pid_t> children;
  std::vector<int> pipes;
  for (int r = 0; r < kRacers; ++r) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {  // the child: race, report one line, leave without gtest
      close(fds[0]);
      Drawn d = Race(url_, r, /*batched=*/r % 2 == 1);
      std::string line = fmt::format("{} {} {} {} {}\n", d.allocation_milli, d.lpp_milli, d.records,
                                     d.conflicts, d.failure);
      ssize_t n = write(fds[1], line.data(), line.size());
      _exit(n == static_cast<ssize_t>(line.size()) ? 0 : 1);
    }
    close(fds[1]);
    children.push_back(pid);
    pipes.push_back(fds[0]);
  }
  std::vector<Drawn> drawn(kRacers);
  for (int r = 0; r < kRacers; ++r) {
    std::string text;
    char buf[512];
    for (ssize_t n; (n = read(pipes[r], buf, sizeof buf)) > 0;) text.append(buf, n);
    close(pipes[r]);
    int status = 0;
    waitpid(children[r], &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "racer " << r;
    Drawn& d = drawn[r];
    char failure[256] = "";
    int fields = std::sscanf(text.c_str(), "%ld %ld %ld %ld %255[^\n]", &d.allocation_milli,
                             &d.lpp_milli, &d.records, &d.conflicts, failure);
    EXPECT_GE(fields, 4) << "racer " << r << " said: " << text;
    d.failure = failure;
  }
  CheckOutcome(store.get(), drawn);
}

}  // namespace
}  // namespace highfence::ledger
