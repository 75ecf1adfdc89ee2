// ImportXliffFiles (import_xliff.h): which catalog each XLIFF file goes
// into, the imports in order, and one commit at the end.
#include "project/import_xliff.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "base/file_io.h"
#include "base/language_tag.h"
#include "base/ui_text.h"
#include "catalog/xliff.h"
#include "project/project_io.h"

namespace l10n {

namespace {

// The project's catalog for the file's languages, or nullopt (reported).
std::optional<std::string> CatalogOf(const Config& config, const std::string& file,
                                     std::string_view text, DiagnosticSink* sink) {
  std::string source, target;
  XliffLanguages(text, &source, &target);
  if (target.empty()) {
    // Malformed XLIFF says none: its errors say why.
    Catalog read;
    if (!ReadXliff(text, file, &read, sink)) return std::nullopt;
    sink->Error(file, 0, 0, _("the XLIFF file names no target language: give --catalog"));
    return std::nullopt;
  }
  target = PrimaryLanguage(target);
  source = source.empty() ? std::string() : PrimaryLanguage(source);
  auto in_project = [&config](const std::string& lang) {
    return std::any_of(config.languages.begin(), config.languages.end(),
                       [&lang](const std::string& l) { return PrimaryLanguage(l) == lang; });
  };
  if (source.empty() && !config.languages.empty()) source = PrimaryLanguage(config.languages[0]);
  if (!in_project(target) || !in_project(source) || source == target) {
    sink->Error(file, 0, 0,
                FormatUi("the project has no catalog from '{}' to '{}' (see its 'languages')",
                         source, target));
    return std::nullopt;
  }
  return config.Expand(config.catalog_pattern, target, source);
}

}  // namespace

bool ImportXliffFiles(const Config* config, const XliffImportRequest& request,
                      std::vector<XliffFileReport>* files, RunReport* report,
                      DiagnosticSink* sink) {
  ProjectLock lock;
  if (request.catalog.empty() && (!config || !lock.Acquire(*config, sink))) return false;
  // Each catalog's text as the imports so far left it, and its order.
  std::map<std::string, std::string> texts;
  std::vector<std::string> order;
  bool ok = true;
  for (const std::string& file : request.files) {
    Result<std::string> xliff = ReadFile(file, kCatalogCap);
    if (!xliff.ok()) {
      sink->Report(xliff.status());
      ok = false;
      continue;
    }
    std::optional<std::string> catalog = request.catalog;
    if (request.catalog.empty()) catalog = CatalogOf(*config, file, *xliff, sink);
    if (!catalog) {
      ok = false;
      continue;
    }
    auto text = texts.find(*catalog);
    if (text == texts.end()) {
      Result<std::string> po = ReadFile(*catalog, kCatalogCap);
      if (!po.ok()) {
        sink->Report(po.status());
        ok = false;
        continue;
      }
      text = texts.emplace(*catalog, std::move(*po)).first;
      order.push_back(*catalog);
    }
    XliffFileReport done{file, *catalog, {}};
    std::string imported;
    if (!ImportXliff(*xliff, file, text->second, *catalog, request.options, &imported, &done.stats,
                     sink)) {
      ok = false;
      continue;
    }
    text->second = std::move(imported);
    files->push_back(std::move(done));
  }
  if (!ok) return false;
  std::vector<PendingWrite> writes;
  for (const std::string& path : order) {
    if (!FileHolds(path, texts[path])) writes.push_back({path, std::move(texts[path])});
  }
  return Commit(writes, sink, report);
}

std::string FormatXliffImportJson(const std::vector<XliffFileReport>& files,
                                  const DiagnosticSink& sink) {
  nlohmann::json out = {{"files", nlohmann::json::array()},
                        {"diagnostics", nlohmann::json::array()}};
  for (const XliffFileReport& f : files) {
    out["files"].push_back({{"file", f.file},
                            {"catalog", f.catalog},
                            {"updated", f.stats.updated},
                            {"fuzzy", f.stats.fuzzy},
                            {"conflicts", f.stats.conflicts},
                            {"unmatched", f.stats.unmatched}});
  }
  out["diagnostics"] = ImportDiagnosticsJson(sink);
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

nlohmann::json ImportDiagnosticsJson(const DiagnosticSink& sink) {
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const Diagnostic& d : sink.diagnostics()) {
    diagnostics.push_back({{"path", d.path},
                           {"line", d.line},
                           {"column", d.column},
                           {"severity", d.severity == Severity::kError     ? "error"
                                        : d.severity == Severity::kWarning ? "warning"
                                                                           : "note"},
                           {"message", d.message}});
  }
  return diagnostics;
}

}  // namespace l10n
