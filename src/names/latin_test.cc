#include "names/latin.h"

#include <gtest/gtest.h>

#include "names/legal_forms.h"
#include "names/words.h"

namespace highfence::names {
namespace {

TEST(ToLatinAscii, AsciiIsLowercasedAsIs) {
  EXPECT_EQ(ToLatinAscii("Big Parent Co., Ltd."), "big parent co., ltd.");
}

TEST(ToLatinAscii, HanIsPinyinOneSyllablePerCharacter) {
  EXPECT_EQ(SplitWords(ToLatinAscii("华为技术有限公司")),
            (std::vector<std::string>{"hua", "wei", "ji", "shu", "you", "xian", "gong", "si"}));
  EXPECT_EQ(SplitWords(ToLatinAscii("華為技術有限公司")),
            SplitWords(ToLatinAscii("华为技术有限公司")));
}

TEST(ToLatinAscii, TermsReplaceHanWordsLongestFirst) {
  std::vector<std::string> rejected;
  HanTerms terms = HanTerms::Build({{"华为", "Huawei"},
                                    {"技术", "technology"},
                                    {"華為技術", "huawei technologies"},
                                    {"abc", "x"}},
                                   &rejected);
  EXPECT_EQ(terms.size(), 3u);
  EXPECT_EQ(rejected, std::vector<std::string>{"abc"});  // no Han in the key
  EXPECT_EQ(SplitWords(ToLatinAscii("华为技术有限公司", &terms)),
            (std::vector<std::string>{"huawei", "technologies", "you", "xian", "gong", "si"}));
  EXPECT_EQ(SplitWords(ToLatinAscii("华为终端", &terms)),
            (std::vector<std::string>{"huawei", "zhong", "duan"}));
}

TEST(ToLatinAscii, OtherScripts) {
  EXPECT_EQ(ToLatinAscii("Щукин"), "shchukin");  // BGN/PCGN, as the lists write it
  EXPECT_EQ(ToLatinAscii("Αθήνα"), "athena");
  EXPECT_EQ(ToLatinAscii("Société Générale"), "societe generale");
  EXPECT_EQ(ToLatinAscii("ＡＢＣ"), "abc");   // full-width, by NFKC
  EXPECT_EQ(ToLatinAscii("Xi’an"), "xi'an");  // curly apostrophe to ASCII
}

TEST(ToLatinAscii, InvalidUtf8BecomesSpaces) {
  EXPECT_EQ(SplitWords(ToLatinAscii("ab\xff\xfe"
                                    "cd")),
            (std::vector<std::string>{"ab", "cd"}));
}

TEST(SplitWords, AmpersandPlusAndApostrophes) {
  EXPECT_EQ(SplitWords("at&t"), (std::vector<std::string>{"at", "and", "t"}));
  EXPECT_EQ(SplitWords("a+b"), (std::vector<std::string>{"a", "and", "b"}));
  EXPECT_EQ(SplitWords("xi'an int'l"), (std::vector<std::string>{"xi", "an", "int", "l"}));
  EXPECT_EQ(SplitWords("xi'an int'l", {.join_apostrophes = true}),
            (std::vector<std::string>{"xian", "intl"}));
}

TEST(LegalForms, BuiltinListHoldsTheContractsForms) {
  const LegalForms& forms = LegalForms::Builtin();
  for (const char* form :
       {"ltd", "limited", "co",   "company", "inc",     "incorporated", "corp", "corporation",
        "llc", "plc",     "gmbh", "ag",      "sa",      "sas",          "spa",  "srl",
        "bv",  "nv",      "pte",  "pvt",     "private", "kk",           "oy",   "ab",
        "jsc", "pjsc",    "ooo",  "pty",     "ltda"}) {
    std::vector<std::string> words{"acme", form};
    EXPECT_EQ(forms.TrailingWords(words), 1u) << form;
  }
  for (const char* name :
       {"Acme Sdn Bhd", "Acme 有限公司", "Acme 股份有限公司", "Acme 有限责任公司"}) {
    std::vector<std::string> words = SplitWords(ToLatinAscii(name));
    EXPECT_EQ(forms.TrailingWords(words), words.size() - 1) << name;
  }
  EXPECT_NE(forms.source_title().find("ISO 20275"), std::string::npos);
}

TEST(LegalForms, FormAtFindsTheLongestForm) {
  const LegalForms& forms = LegalForms::Builtin();
  std::vector<std::string> words = SplitWords("acme limited liability company beijing");
  EXPECT_EQ(forms.FormAt(words, 0), 0u);
  EXPECT_EQ(forms.FormAt(words, 1), 3u);
  EXPECT_EQ(forms.FormAt(words, 4), 0u);
  EXPECT_EQ(forms.FormAt(words, 9), 0u);
}

TEST(LegalForms, ParseRejectsFormsWithoutASourceOrWithUnknownKeys) {
  const char* head = "[source]\ntitle = \"t\"\nurl = \"u\"\n";
  EXPECT_TRUE(LegalForms::Parse(std::string(head) +
                                    "[[form]]\nnames=[\"Ltd\"]\nmeaning=\"m\"\nelf=[\"GB 4GJI\"]\n",
                                "f.toml")
                  .ok());
  Result<LegalForms> no_source =
      LegalForms::Parse(std::string(head) + "[[form]]\nnames=[\"Ltd\"]\nmeaning=\"m\"\n", "f.toml");
  ASSERT_FALSE(no_source.ok());
  EXPECT_NE(no_source.status().message().find("form 1"), std::string::npos);
  EXPECT_FALSE(LegalForms::Parse(std::string(head) +
                                     "[[form]]\nnames=[\"Ltd\"]\nmeaning=\"m\"\nsource=\"s\"\n"
                                     "colour=\"red\"\n",
                                 "f.toml")
                   .ok());
  EXPECT_FALSE(LegalForms::Parse("[[form]\n", "f.toml").ok());
  EXPECT_FALSE(
      LegalForms::Parse(
          std::string(head) + "[[form]]\nnames=[\"---\"]\nmeaning=\"m\"\nsource=\"s\"\n", "f.toml")
          .ok());
}

}  // namespace
}  // namespace highfence::names
