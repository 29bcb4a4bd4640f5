// Legal-form words (Ltd, GmbH, S.A., 有限公司 ...): the part of a company name
// that says what kind of company it is, not which one. The list is data,
// names/legal-forms.toml, compiled into the binary, each form with its source
// (ISO 20275 ELF codes, or the statute).
//
// A form is a sequence of words in the normalised form of names/latin.h and
// names/words.h: "S.A." is {"s", "a"}, "有限公司" is {"you", "xian", "gong", "si"}.
//
// Thread safety: a LegalForms is immutable once built; Builtin() is safe to call
// from any thread.
#ifndef HIGHFENCE_NAMES_LEGAL_FORMS_H_
#define HIGHFENCE_NAMES_LEGAL_FORMS_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "highfence/status.h"

namespace highfence::names {

class LegalForms {
 public:
  // The forms of names/legal-forms.toml as built into the binary.
  static const LegalForms& Builtin();
  // Reads a file of that schema; errors name the file, the form and the field.
  static Result<LegalForms> Parse(std::string_view toml_text, std::string_view file_name);

  // How many words at the end of `words` are legal-form words: the longest form
  // ending there, then again before it. {"big","parent","co","ltd"} -> 2.
  size_t TrailingWords(std::span<const std::string> words) const;
  // Length of the longest form that starts at words[at]; 0 when none does.
  size_t FormAt(std::span<const std::string> words, size_t at) const;

  // Distinct word sequences, and the source named by the file.
  size_t size() const { return size_; }
  const std::string& source_title() const { return source_title_; }
  const std::string& source_url() const { return source_url_; }

 private:
  using Sequences = std::vector<std::vector<std::string>>;  // longest first
  void Add(std::vector<std::string> words);

  std::unordered_map<std::string, Sequences> by_first_word_;
  std::unordered_map<std::string, Sequences> by_last_word_;
  size_t size_ = 0;
  std::string source_title_, source_url_;
};

}  // namespace highfence::names

#endif  // HIGHFENCE_NAMES_LEGAL_FORMS_H_
