// The cost of name normalisation (src/names): why transliterators are created
// once per thread, and why the hot path memoises party keys.
//
//   build-release/names_bench
#include <benchmark/benchmark.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "names/latin.h"
#include "names/party_key.h"

namespace {

using highfence::names::PartyKey;
using highfence::names::PartyKeyMemo;

// What creating the transliterator costs each time: ICU compiles its rules.
void BM_CreateTransliterator(benchmark::State& state) {
  for (auto _ : state) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    benchmark::DoNotOptimize(t.get());
  }
}
BENCHMARK(BM_CreateTransliterator)->Unit(benchmark::kMillisecond);

void BM_PartyKeyAscii(benchmark::State& state) {
  const std::string name = "Big Parent Technologies Co., Ltd.";
  for (auto _ : state) benchmark::DoNotOptimize(PartyKey(name));
}
BENCHMARK(BM_PartyKeyAscii);

void BM_PartyKeyLatinAccents(benchmark::State& state) {
  const std::string name = "Société Générale Électronique SA";
  for (auto _ : state) benchmark::DoNotOptimize(PartyKey(name));
}
BENCHMARK(BM_PartyKeyLatinAccents);

void BM_PartyKeyHan(benchmark::State& state) {
  const std::string name = "華為技術有限公司";
  for (auto _ : state) benchmark::DoNotOptimize(PartyKey(name));
}
BENCHMARK(BM_PartyKeyHan);

void BM_PartyKeyCyrillic(benchmark::State& state) {
  const std::string name = "ООО Ростех Азимут";
  for (auto _ : state) benchmark::DoNotOptimize(PartyKey(name));
}
BENCHMARK(BM_PartyKeyCyrillic);

// A hot path with few distinct names: each key is computed once.
void BM_PartyKeyMemoHit(benchmark::State& state) {
  PartyKeyMemo memo;
  const std::vector<std::string> names = {"華為技術有限公司", "Big Parent Co., Ltd.",
                                          "ООО Ростех Азимут", "Société Générale SA"};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(memo.Key(names[i++ % names.size()]));
}
BENCHMARK(BM_PartyKeyMemoHit)->ThreadRange(1, 2);

}  // namespace

BENCHMARK_MAIN();
