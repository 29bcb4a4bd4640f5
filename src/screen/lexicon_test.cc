#include "screen/lexicon.h"

#include <gtest/gtest.h>

#include "names/words.h"

namespace highfence::screen {
namespace {

Words Canonical(std::string_view word) {
  Words out;
  Lexicon::Builtin().Canonical(word, &out);
  return out;
}

TEST(Lexicon, VariantsPluralsAndOrdinals) {
  EXPECT_EQ(Canonical("technologies"), Words{"technology"});
  EXPECT_EQ(Canonical("tech"), Words{"technology"});
  EXPECT_EQ(Canonical("intl"), Words{"international"});
  EXPECT_EQ(Canonical("hk"), (Words{"hong", "kong"}));
  EXPECT_EQ(Canonical("systems"), Words{"system"});
  EXPECT_EQ(Canonical("14th"), Words{"14"});
  EXPECT_EQ(Canonical("fourth"), Words{"4"});
  EXPECT_EQ(Canonical("jishu"), Words{"technology"});  // pinyin of 技术
  EXPECT_EQ(Canonical("paris"), Words{"paris"});       // no plural after i
  EXPECT_EQ(Canonical("gas"), Words{"gas"});           // too short to fold
  EXPECT_EQ(FoldWord("industries"), "industry");
}

TEST(Lexicon, WordClasses) {
  const Lexicon& lex = Lexicon::Builtin();
  EXPECT_EQ(lex.Class("technology"), WordClass::kCommon);
  EXPECT_EQ(lex.Class("logistic"), WordClass::kCommon);  // classes hold canonical words
  EXPECT_EQ(lex.Class("beijing"), WordClass::kPlace);
  EXPECT_EQ(lex.Class("huawei"), WordClass::kOther);
  EXPECT_LT(lex.WeightFactor(WordClass::kCommon), 1.0);
  EXPECT_EQ(lex.WeightFactor(WordClass::kOther), 1.0);
  EXPECT_TRUE(lex.IsStopword("of"));
  EXPECT_FALSE(lex.IsStopword("les"));  // also an acronym in names
}

TEST(Lexicon, PinyinOfNamedTermsReadsAsTheName) {
  const Lexicon& lex = Lexicon::Builtin();
  Words out;
  EXPECT_EQ(lex.PinyinNameAt(Words{"langchao", "group"}, 0, &out), 1u);
  EXPECT_EQ(out, Words{"inspur"});
  out.clear();
  EXPECT_EQ(lex.PinyinNameAt(Words{"zhong", "ke", "shu", "guang"}, 0, &out), 4u);
  EXPECT_EQ(out, Words{"sugon"});
  out.clear();
  // 中芯 is marked pinyin = false: Zhongxin is also 中心 and 中信.
  EXPECT_EQ(lex.PinyinNameAt(Words{"zhongxin"}, 0, &out), 0u);
  EXPECT_TRUE(out.empty());
}

TEST(Lexicon, HanTermsTranslateSimplifiedAndTraditional) {
  const Lexicon& lex = Lexicon::Builtin();
  EXPECT_EQ(names::SplitWords(names::ToLatinAscii("华为技术", &lex.han_terms())),
            (Words{"huawei", "technology"}));
  EXPECT_EQ(names::SplitWords(names::ToLatinAscii("華為技術", &lex.han_terms())),
            (Words{"huawei", "technology"}));
  EXPECT_EQ(names::SplitWords(names::ToLatinAscii("第十四研究所", &lex.han_terms())),
            (Words{"14", "research", "institute"}));
  // Without the names, a company name stays pinyin.
  EXPECT_EQ(names::SplitWords(names::ToLatinAscii("海光信息", &lex.han_word_terms())),
            (Words{"hai", "guang", "information"}));
}

TEST(Lexicon, ParseRejectsBadTables) {
  const std::string words =
      "[variants]\ntech = \"technology\"\n[stopwords]\nwords = [\"of\"]\n"
      "[common]\nweight_factor = 0.35\nwords = [\"technology\"]\n"
      "[places]\nweight_factor = 0.35\nwords = [\"beijing\"]\n"
      "[boilerplate]\nphrases = []\n[markers]\nphrases = [\"aka\"]\n";
  const std::string term =
      "[[term]]\nzh = \"华为\"\nen = \"huawei\"\nkind = \"name\"\nnote = \"n\"\n";
  EXPECT_TRUE(Lexicon::Parse(words, term).ok());
  auto error = [&](const std::string& w, const std::string& z) {
    Result<Lexicon> l = Lexicon::Parse(w, z);
    return l.ok() ? std::string("ok") : std::string(l.status().message());
  };
  EXPECT_NE(
      error(words, "[[term]]\nzh = \"华为\"\nen = \"huawei\"\nkind = \"brand\"\nnote = \"n\"\n")
          .find("term 1"),
      std::string::npos);
  EXPECT_NE(error(words, "[[term]]\nzh = \"abc\"\nen = \"x\"\nkind = \"word\"\nnote = \"n\"\n")
                .find("`abc`"),
            std::string::npos);
  EXPECT_NE(error(words, term + "colour = \"red\"\n").find("unknown key"), std::string::npos);
  EXPECT_NE(error("[variants]\n", term).find("[stopwords]"), std::string::npos);
  EXPECT_NE(error(words, "[[term]\n").find("zh-terms.toml"), std::string::npos);
}

}  // namespace
}  // namespace highfence::screen
