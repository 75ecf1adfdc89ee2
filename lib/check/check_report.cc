#include "check/check_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/ui_text.h"

namespace l10n {

int CheckReport::errors() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int CheckReport::warnings() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  }));
}

namespace {

std::string CoverageLine(const Coverage& c) {
  return FormatUi("{} of {} strings translated ({}%), {} of {} words; {} fuzzy, {} untranslated",
                  c.translated, c.strings, c.Percent(), c.translated_words, c.words, c.fuzzy,
                  c.untranslated);
}

nlohmann::json CoverageJson(const Coverage& c) {
  return {{"strings", c.strings},  {"translated", c.translated},
          {"fuzzy", c.fuzzy},      {"untranslated", c.untranslated},
          {"words", c.words},      {"translated_words", c.translated_words},
          {"percent", c.Percent()}};
}

// GitHub workflow command escaping: of data, and (with ':' and ',') of a
// property's value.
std::string Escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeData(std::string_view s) { return Escape(s, false); }
std::string EscapeProperty(std::string_view s) { return Escape(s, true); }

// Per catalog and per post, then the count of findings.
std::string Summary(const CheckReport& report) {
  std::string out;
  for (const CatalogSummary& c : report.catalogs) {
    if (!c.read) {
      out += FormatUi("{}: not read", c.path) + "\n";
      continue;
    }
    if (c.is_template) {
      out += FormatUiPlural("{}: template, {} string", "{}: template, {} strings",
                            static_cast<unsigned long>(c.total.strings), c.path, c.total.strings) +
             "\n";
      continue;
    }
    std::string langs =
        c.source_language.empty() ? c.language : c.source_language + " -> " + c.language;
    if (langs.empty()) {  // an XLIFF file that names no language, say
      out += fmt::format("{}: {}\n", c.path, CoverageLine(c.total));
    } else {
      out += fmt::format("{} ({}): {}\n", c.path, langs, CoverageLine(c.total));
    }
    for (const auto& [post, coverage] : c.posts) {
      out += fmt::format("  {}: {}\n", post, CoverageLine(coverage));
    }
  }
  int errors = report.errors(), warnings = report.warnings();
  out +=
      FormatUiPlural("{} error", "{} errors", static_cast<unsigned long>(errors), errors) + ", " +
      FormatUiPlural("{} warning", "{} warnings", static_cast<unsigned long>(warnings), warnings) +
      "\n";
  return out;
}

}  // namespace

void FormatText(const CheckReport& report, std::string* diagnostics, std::string* summary) {
  for (const Diagnostic& d : report.findings) *diagnostics += d.Render() + "\n";
  *summary += Summary(report);
}

std::string FormatJson(const CheckReport& report) {
  nlohmann::json findings = nlohmann::json::array();
  for (const Diagnostic& d : report.findings) {
    nlohmann::json f = {{"path", d.path},     {"line", d.line},
                        {"column", d.column}, {"severity", SeverityName(d.severity)},
                        {"check", d.check},   {"message", d.message}};
    findings.push_back(std::move(f));
  }
  nlohmann::json catalogs = nlohmann::json::array();
  for (const CatalogSummary& c : report.catalogs) {
    nlohmann::json posts = nlohmann::json::array();
    for (const auto& [post, coverage] : c.posts) {
      nlohmann::json p = CoverageJson(coverage);
      p["path"] = post;
      posts.push_back(std::move(p));
    }
    nlohmann::json j = {{"path", c.path},
                        {"language", c.language},
                        {"source_language", c.source_language},
                        {"template", c.is_template},
                        {"read", c.read},
                        {"total", CoverageJson(c.total)},
                        {"posts", std::move(posts)}};
    catalogs.push_back(std::move(j));
  }
  nlohmann::json out = {{"findings", std::move(findings)},
                        {"catalogs", std::move(catalogs)},
                        {"errors", report.errors()},
                        {"warnings", report.warnings()}};
  // Invalid UTF-8 in a quoted msgid must not make the output unreadable.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string FormatGithub(const CheckReport& report) {
  std::string out;
  for (const Diagnostic& d : report.findings) {
    const char* command = d.severity == Severity::kError     ? "error"
                          : d.severity == Severity::kWarning ? "warning"
                                                             : "notice";
    std::string properties;
    if (!d.path.empty()) properties += "file=" + EscapeProperty(d.path);
    if (d.line > 0) properties += ",line=" + std::to_string(d.line);
    if (d.line > 0 && d.column > 0) properties += ",col=" + std::to_string(d.column);
    std::string title = d.check.empty() ? "l10n-check" : "l10n-check [" + d.check + "]";
    properties += std::string(properties.empty() ? "" : ",") + "title=" + EscapeProperty(title);
    out += fmt::format("::{} {}::{}\n", command, properties, EscapeData(d.message));
  }
  return out + Summary(report);
}

}  // namespace l10n
