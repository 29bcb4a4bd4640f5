// Counter-based random numbers for the Monte Carlo.
//
// A uniform is a pure function of (seed, draw, stream): no generator state is
// carried from one number to the next, so draw 7 is the same number whether
// one thread computes draws 0..9999 in order or eight threads share them out.
// That is what makes the output byte-identical on any thread count. The mixer
// is SplitMix64's finaliser (Steele, Lea, Flood 2014), applied twice; it is
// written here because Debian ships no counter-based generator for C++ and
// std::mt19937 is sequential by design.
#ifndef HIGHFENCE_SIMULATE_RNG_H_
#define HIGHFENCE_SIMULATE_RNG_H_

#include <cstdint>

namespace highfence::simulate {

inline constexpr uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// A uniform in the open interval (0, 1), from 53 random bits.
inline constexpr double Uniform01(uint64_t seed, uint64_t draw, uint64_t stream) {
  uint64_t x = Mix64(seed + 0x9E3779B97F4A7C15ull * (draw + 1));
  x = Mix64(x ^ (0xD1B54A32D192ED03ull * (stream + 1)));
  return (static_cast<double>(x >> 11) + 0.5) * 0x1p-53;
}

// The standard normal quantile (Acklam's rational approximation, relative
// error below 1.2e-9, which is far below the model's uncertainty).
// REQUIRES: 0 < p < 1.
double NormalQuantile(double p);

}  // namespace highfence::simulate

#endif  // HIGHFENCE_SIMULATE_RNG_H_
