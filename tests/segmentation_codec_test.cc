// post/segmentation_codec.h: every post the tests know, HTML and Markdown,
// friendly and hostile, decodes to the Segmentation it was encoded from;
// damaged encodings are refused, never decoded to something else.
#include "post/segmentation_codec.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <vector>

#include "markdown_generator.h"
#include "post/post_formats.h"
#include "test_util.h"

namespace l10n {
namespace {

struct Sample {
  std::string path;  // names the format
  std::string text;
};

// The corpus, the fixtures, the fuzz seeds and regressions (hostile
// inputs), Markdown from the generator and a post with every head feature.
std::vector<Sample> Samples() {
  std::vector<Sample> samples;
  const std::string root = L10N_SOURCE_DIR;
  for (const char* dir :
       {"corpus", "tests/fixtures", "tests/fuzz/corpus/segment", "tests/fuzz/regressions/segment",
        "tests/fuzz/corpus/markdown", "tests/fuzz/regressions/markdown"}) {
    if (!std::filesystem::exists(root + "/" + dir)) continue;
    const bool markdown = std::string_view(dir).find("markdown") != std::string_view::npos;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root + "/" + dir)) {
      if (!entry.is_regular_file()) continue;
      std::string path = entry.path().string();
      std::string ext = entry.path().extension().string();
      if (markdown) {
        path += ".md";
      } else if (ext != ".html" && ext != ".htm" && ext != ".md") {
        if (std::string_view(dir).find("fuzz") == std::string_view::npos) continue;
        path += ".html";
      }
      samples.push_back({path, testing::Slurp(entry.path().string())});
    }
  }
  MarkdownGenerator generator(17);
  for (int i = 0; i < 60; ++i) samples.push_back({fmt::format("gen{}.md", i), generator.Post()});
  samples.push_back(
      {"head.html",
       "<!DOCTYPE html>\r\n<html lang=\"en-GB\">\r\n<head>\r\n  <title>T</title>\r\n"
       "  <link rel=\"alternate\" hreflang=\"ES\" href='/es/t/'>\r\n"
       "  <link rel=canonical href=/t/>\r\n  <meta property=\"og:locale\" content=\"en_GB\">\r\n"
       "  <meta property=\"og:url\" content>\r\n</head>\r\n<body>\r\n"
       "<a data-l10n-alternate=\"es\" hidden>ES</a>\r\n"
       "<p data-l10n-context=\"menu\">Read <a href=\"/a?x=1&amp;y\">this</a> <time "
       "datetime=\"2024-05-01\">May 1</time> <a rel=\"category tag\" href=\"/category/news/\">News"
       "</a> <!--more--> <img alt=\"A photo\" src=x.png> <code>x</code></p>\r\n</body></html>"});
  return samples;
}

TEST_CASE("segmentation codec: every sample decodes to what it encoded") {
  int encoded = 0;
  for (const Sample& sample : Samples()) {
    CAPTURE(sample.path);
    const PostFormat& format = PostFormatFor(sample.path);
    if (format.CheckInput(sample.text)) continue;
    DiagnosticSink sink;
    Segmentation s = format.Segment(sample.text, sample.path, SegmentOptions(), &sink);
    std::string bytes;
    EncodeSegmentation(s, &bytes);
    Segmentation back;
    REQUIRE(DecodeSegmentation(bytes, sample.text.size(), &back));
    CHECK(back == s);
    // A byte more, or any prefix, is refused.
    CHECK_FALSE(DecodeSegmentation(bytes + '\0', sample.text.size(), &back));
    for (size_t cut : {size_t{0}, bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
      if (cut < bytes.size()) {
        CHECK_FALSE(
            DecodeSegmentation(std::string_view(bytes).substr(0, cut), sample.text.size(), &back));
      }
    }
    ++encoded;
  }
  CHECK(encoded > 70);
}

TEST_CASE("segmentation codec: ranges past the post are refused") {
  DiagnosticSink sink;
  const std::string html = "<html lang=en><body><p>Hello <b>world</b></p></body></html>";
  Segmentation s = PostFormatFor("a.html").Segment(html, "a.html", SegmentOptions(), &sink);
  REQUIRE(s.units.size() == 1);
  std::string bytes;
  EncodeSegmentation(s, &bytes);
  Segmentation back;
  CHECK(DecodeSegmentation(bytes, html.size(), &back));
  CHECK_FALSE(DecodeSegmentation(bytes, s.units[0].range.end - 1, &back));
}

TEST_CASE("segmentation codec: any single changed byte decodes to nothing or to a valid value") {
  DiagnosticSink sink;
  const std::string html =
      "<html lang=en><head><title>T</title></head><body><p>Hi <a href=/x>x</a></p></body></html>";
  Segmentation s = PostFormatFor("a.html").Segment(html, "a.html", SegmentOptions(), &sink);
  std::string bytes;
  EncodeSegmentation(s, &bytes);
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ (1 << bit));
      Segmentation back;
      if (!DecodeSegmentation(damaged, html.size(), &back)) continue;
      // What decodes lies inside the post (the record's checksum, in the
      // cache, refuses it before this).
      for (const Unit& u : back.units) {
        CHECK(u.range.begin <= u.range.end);
        CHECK(u.range.end <= html.size());
      }
    }
  }
}

}  // namespace
}  // namespace l10n
