#include "check/status_page.h"

#include <fmt/format.h>

#include <map>
#include <tuple>
#include <vector>

#include "base/check_id.h"
#include "base/ui_text.h"

namespace l10n {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EncodeUrlPath(std::string_view path) {
  std::string out;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

namespace {

// No script, nothing fetched; one column on a phone, the table scrolls
// sideways inside its box rather than the page.
constexpr const char kStyle[] =
    R"(body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 1rem;line-height:1.4;color:#222;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{padding:.3rem .4rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}
.bar{display:flex;height:.8rem;min-width:6rem;background:#e57373;border-radius:.2rem;overflow:hidden}
.bar+.bar{margin-top:.2rem}.bar span{display:block;height:100%}.bar .t{background:#43a047}.bar .f{background:#fbc02d}
.stale{color:#b00020;font-weight:bold}.fresh{color:#2e7d32}
.error{color:#b00020}.warning{color:#8a6d00}.note{color:#555}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dd{margin:0}
ul.findings{padding-left:1.2rem}ul.findings li{margin:.3rem 0;overflow-wrap:anywhere}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 .8rem;vertical-align:middle}
@media (max-width:40rem){body{padding:0 .5rem}th,td{padding:.2rem}.bar{min-width:3rem}}
)";

std::string Link(const StatusPageOptions& options, std::string_view path, std::string_view text) {
  std::string href = options.link ? options.link(path) : std::string();
  if (href.empty()) return EscapeHtml(text);
  return fmt::format("<a href=\"{}\">{}</a>", EscapeHtml(EncodeUrlPath(href)), EscapeHtml(text));
}

// Hundredths of a percent, so that the widths add up to the whole.
std::string Width(int part, int whole) {
  if (whole <= 0) return "0%";
  long long basis = static_cast<long long>(part) * 10000 / whole;
  return fmt::format("{}.{:02}%", basis / 100, basis % 100);
}

std::string Bar(int translated, int fuzzy, int whole, const std::string& label) {
  return fmt::format(
      "<div class=\"bar\" role=\"img\" aria-label=\"{}\" title=\"{}\">"
      "<span class=\"t\" style=\"width:{}\"></span><span class=\"f\" style=\"width:{}\"></span>"
      "</div>",
      EscapeHtml(label), EscapeHtml(label), Width(translated, whole), Width(fuzzy, whole));
}

// One row: the name cell, then the bars and the counts, each count with
// its data-count name (what tests and scripts read).
std::string CoverageRow(const std::string& row_attributes, const std::string& name_cell,
                        const Coverage& c, const std::string& published_cell) {
  int untranslated_words = c.words - c.translated_words - c.fuzzy_words;
  std::string strings_label =
      FormatUi("{} of {} strings translated ({}%)", c.translated, c.strings, c.Percent());
  std::string words_label = FormatUi("{} of {} words translated", c.translated_words, c.words);
  std::string out = fmt::format("<tr {}><th scope=\"row\">{}</th><td>{}{}</td>", row_attributes,
                                name_cell, Bar(c.translated, c.fuzzy, c.strings, strings_label),
                                Bar(c.translated_words, c.fuzzy_words, c.words, words_label));
  for (auto [key, strings, words] :
       {std::tuple("translated", c.translated, c.translated_words),
        std::tuple("fuzzy", c.fuzzy, c.fuzzy_words),
        std::tuple("untranslated", c.untranslated, untranslated_words)}) {
    out += fmt::format(
        "<td class=\"n\"><span data-count=\"{0}-strings\">{1}</span> / "
        "<span data-count=\"{0}-words\">{2}</span></td>",
        key, strings, words);
  }
  out += fmt::format("<td class=\"n\" data-count=\"percent\">{}%</td><td>{}</td></tr>\n",
                     c.Percent(), published_cell);
  return out;
}

std::string TableHead() {
  return fmt::format(
      "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">{}</th><th "
      "scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th "
      "scope=\"col\">{}</th><th scope=\"col\">%</th><th scope=\"col\">{}</th></tr>"
      "<tr><th></th><th></th><th colspan=\"3\" class=\"n\">{}</th><th></th><th></th></tr>"
      "</thead>\n<tbody>\n",
      EscapeHtml(_("Post")), EscapeHtml(_("Progress (strings, words)")),
      EscapeHtml(_("Translated")), EscapeHtml(_("Fuzzy")), EscapeHtml(_("Untranslated")),
      EscapeHtml(_("Published page")), EscapeHtml(_("strings / words")));
}

bool IsStale(const CheckReport& report, const std::string& path) {
  for (const Diagnostic& d : report.findings) {
    if (d.check == CheckName(Check::kStale) && d.path == path) return true;
  }
  return false;
}

std::string CatalogSection(const CheckReport& report, const CatalogSummary& c, size_t index,
                           const StatusPageOptions& options) {
  std::string langs =
      c.source_language.empty() ? c.language : c.source_language + " \u2192 " + c.language;
  std::string out = fmt::format(
      "<section class=\"catalog\" id=\"catalog-{}\" data-path=\"{}\" data-language=\"{}\">\n"
      "<h2>{}: {}</h2>\n",
      index, EscapeHtml(c.path), EscapeHtml(c.language),
      EscapeHtml(langs.empty() ? _("catalog") : langs), Link(options, c.path, c.path));
  if (!c.read) {
    return out + "<p class=\"stale\">" +
           EscapeHtml(_("The catalog could not be read: see the findings below.")) +
           "</p>\n</section>\n";
  }
  if (IsStale(report, c.path)) {
    out += "<p class=\"stale\" data-stale=\"yes\">" +
           EscapeHtml(_("Out of date with the posts: run l10n-extract.")) + "</p>\n";
  } else {
    out += "<p class=\"fresh\" data-stale=\"no\">" + EscapeHtml(_("Up to date with the posts.")) +
           "</p>\n";
  }
  std::string nobody = _("(not given)");
  out += fmt::format(
      "<dl><dt>{}</dt><dd data-field=\"last-translator\">{}</dd><dt>{}</dt>"
      "<dd data-field=\"revision-date\">{}</dd></dl>\n",
      EscapeHtml(_("Last translator")),
      EscapeHtml(c.last_translator.empty() ? nobody : c.last_translator),
      EscapeHtml(_("Revision date")),
      EscapeHtml(c.revision_date.empty() ? nobody : c.revision_date));
  out += TableHead();
  for (const auto& [post, coverage] : c.posts) {
    std::string href = options.published ? options.published(post, c.language) : std::string();
    std::string published =
        href.empty() ? EscapeHtml(_("not published"))
                     : fmt::format("<a href=\"{}\">{}</a>", EscapeHtml(EncodeUrlPath(href)),
                                   EscapeHtml(c.language));
    out += CoverageRow(fmt::format("class=\"post\" data-post=\"{}\"", EscapeHtml(post)),
                       Link(options, post, post), coverage, published);
  }
  out += CoverageRow("class=\"total\"", EscapeHtml(_("All posts")), c.total, "");
  out += "</tbody></table></div>\n</section>\n";
  return out;
}

std::string SeverityLabel(Severity s) {
  switch (s) {
    case Severity::kNote:
      return _("note");
    case Severity::kWarning:
      return _("warning");
    case Severity::kError:
      return _("error");
  }
  return _("error");
}

std::string FindingItem(const Diagnostic& d, const StatusPageOptions& options) {
  std::string where = d.path;
  if (d.line > 0) where += fmt::format(":{}", d.line);
  if (d.line > 0 && d.column > 0) where += fmt::format(":{}", d.column);
  return fmt::format("<li class=\"{}\"><code>{}</code> <strong>{}</strong>: {}</li>\n",
                     SeverityName(d.severity), Link(options, d.path, where),
                     EscapeHtml(SeverityLabel(d.severity)), EscapeHtml(d.message));
}

// By check, in the order first seen; a note goes with the finding before
// it. Findings that name no check (reading the posts) are "other".
std::string FindingsSection(const CheckReport& report, const StatusPageOptions& options) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Diagnostic*>> groups;
  std::map<std::string, int> counts;
  std::string current;
  for (const Diagnostic& d : report.findings) {
    if (d.severity != Severity::kNote || !d.check.empty() || order.empty()) {
      current = d.check.empty() ? std::string("other") : d.check;  // no check is "other"
      if (!groups.count(current)) order.push_back(current);
      if (d.severity != Severity::kNote) ++counts[current];
    }
    groups[current].push_back(&d);
  }
  std::string out = "<section id=\"findings\">\n<h2>" + EscapeHtml(_("Findings")) + "</h2>\n";
  if (order.empty()) {
    return out + "<p class=\"fresh\">" + EscapeHtml(_("No findings.")) + "</p>\n</section>\n";
  }
  for (const std::string& check : order) {
    int n = counts[check];
    // TRANSLATORS: the heading of the status page's findings that name no
    // check (reading the posts, say).
    std::string heading = check == "other" ? std::string(_("other")) : check;
    out += fmt::format("<h3 data-check=\"{}\">{} ({})</h3>\n<ul class=\"findings\">\n",
                       EscapeHtml(check), EscapeHtml(heading), n);
    for (const Diagnostic* d : groups[check]) out += FindingItem(*d, options);
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

}  // namespace

std::string FormatStatusPage(const CheckReport& report, const StatusPageOptions& options) {
  std::string title = options.title.empty() ? std::string(_("Translation status"))
                                            : FormatUi("Translation status: {}", options.title);
  // TRANSLATORS: the language of this translation as a BCP 47 tag, for the
  // status page's <html lang>.
  std::string lang = _("en");
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      EscapeHtml(lang), EscapeHtml(title), kStyle, EscapeHtml(title));
  int errors = report.errors(), warnings = report.warnings();
  out += fmt::format("<p id=\"summary\" data-errors=\"{}\" data-warnings=\"{}\">{}, {}</p>\n",
                     errors, warnings,
                     EscapeHtml(FormatUiPlural("{} error", "{} errors",
                                               static_cast<unsigned long>(errors), errors)),
                     EscapeHtml(FormatUiPlural("{} warning", "{} warnings",
                                               static_cast<unsigned long>(warnings), warnings)));
  out += fmt::format(
      "<p class=\"legend\"><span style=\"background:#43a047\"></span>{}"
      "<span style=\"background:#fbc02d\"></span>{}"
      "<span style=\"background:#e57373\"></span>{}</p>\n",
      EscapeHtml(_("translated")), EscapeHtml(_("fuzzy")), EscapeHtml(_("untranslated")));
  std::vector<const CatalogSummary*> templates;
  for (size_t i = 0; i < report.catalogs.size(); ++i) {
    const CatalogSummary& c = report.catalogs[i];
    if (c.is_template) {
      templates.push_back(&c);
      continue;
    }
    out += CatalogSection(report, c, i, options);
  }
  if (!templates.empty()) {
    out += "<section id=\"templates\">\n<h2>" + EscapeHtml(_("Templates")) + "</h2>\n<ul>\n";
    for (const CatalogSummary* t : templates) {
      std::string state =
          IsStale(report, t->path)
              ? "<span class=\"stale\">" +
                    EscapeHtml(_("Out of date with the posts: run l10n-extract.")) + "</span>"
              : "<span class=\"fresh\">" + EscapeHtml(_("Up to date with the posts.")) + "</span>";
      out += fmt::format("<li data-path=\"{}\">{}: {} {}</li>\n", EscapeHtml(t->path),
                         Link(options, t->path, t->path),
                         EscapeHtml(FormatUiPlural("{} string", "{} strings",
                                                   static_cast<unsigned long>(t->total.strings),
                                                   t->total.strings)),
                         state);
    }
    out += "</ul>\n</section>\n";
  }
  out += FindingsSection(report, options);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace l10n
