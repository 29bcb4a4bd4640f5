// Shared set-up for the simulator's tests: the built-in law as LawInputs, and
// scenarios from the repository's scenarios/ folder. Included by tests only.
#ifndef HIGHFENCE_SIMULATE_TEST_SUPPORT_H_
#define HIGHFENCE_SIMULATE_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "law/law_data.h"
#include "law/snapshot.h"
#include "simulate/law_inputs.h"
#include "simulate/scenario.h"

namespace highfence::simulate::testing {

inline const law::Law& TestLaw() {
  static const std::unique_ptr<law::Law> law = [] {
    Result<law::LawData> data = law::ParseLaw(law::EmbeddedLawSources());
    HF_ASSERT(data.ok());
    Result<std::unique_ptr<law::Law>> built = law::Law::Create(std::move(data).value());
    HF_ASSERT(built.ok());
    return std::move(built).value();
  }();
  return *law;
}

inline const LawInputs& TestInputs() {
  static const LawInputs inputs = [] {
    Result<LawInputs> r = LawInputs::FromLaw(TestLaw());
    HF_ASSERT(r.ok());
    return std::move(r).value();
  }();
  return inputs;
}

inline std::string ScenarioPath(std::string_view file) {
  return std::string(HF_SOURCE_DIR) + "/scenarios/" + std::string(file);
}

inline Scenario LoadOrDie(std::string_view file) {
  Result<Scenario> s = LoadScenario(ScenarioPath(file), TestInputs());
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  HF_ASSERT(s.ok());
  return std::move(s).value();
}

// Parses scenario text as if it were a file in scenarios/ (so `base` works).
inline Result<Scenario> ParseText(std::string_view text) {
  return ParseScenario(text, "test.toml", std::string(HF_SOURCE_DIR) + "/scenarios", TestInputs());
}

}  // namespace highfence::simulate::testing

#endif  // HIGHFENCE_SIMULATE_TEST_SUPPORT_H_
