#include "project/project_io.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <map>

#include "base/file_io.h"
#include "base/input_limits.h"
#include "base/ui_text.h"
#include "catalog/catalog_io.h"
#include "check/header_check.h"

namespace l10n {

std::string Relative(const std::string& file, const std::string& root) {
  if (root.empty() || root == ".") return file;
  std::filesystem::path rel = std::filesystem::path(file).lexically_relative(root);
  return rel.empty() ? file : rel.string();
}

bool LoadCatalog(const std::string& path, std::unique_ptr<Catalog>* catalog, DiagnosticSink* sink,
                 std::string* file_text) {
  catalog->reset();
  if (!FileExists(path)) return true;
  Result<std::string> text = ReadFile(path, kCatalogCap);
  if (!text.ok()) {
    sink->Report(text.status());
    return false;
  }
  auto loaded = std::make_unique<Catalog>();
  bool read = ReadCatalog(*text, path, loaded.get(), sink);
  // An XLIFF reader makes the header it needs; a PO file's is its own.
  if (read && CatalogFormatOf(path).syntax == CatalogSyntax::kPo) {
    read = ValidateHeaderForTools(*loaded, *text, path, sink);
  }
  if (!read) return false;
  *catalog = std::move(loaded);
  if (file_text) *file_text = std::move(*text);
  return true;
}

bool LoadTaxonomy(const Config& config, Taxonomy* taxonomy, DiagnosticSink* sink) {
  std::string path = config.Expand(config.taxonomy, "");
  if (!FileExists(path)) return true;
  Result<std::string> text = ReadFile(path, kSettingsCap);
  if (!text.ok()) {
    sink->Report(text.status());
    return false;
  }
  return taxonomy->Parse(*text, path, sink);
}

bool ResolvesInside(const std::string& path, const std::filesystem::path& folder,
                    std::string* resolved) {
  std::error_code ec;
  // Absolute first: weakly_canonical leaves a relative path whose first
  // component does not exist ("page.es.md" at the root) relative.
  std::filesystem::path real =
      std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  if (ec) return true;  // reading it will say what is wrong
  *resolved = real.string();
  std::filesystem::path rel = real.lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

ProjectLock::~ProjectLock() {
  if (fd_ >= 0) ::close(fd_);
}

bool ProjectLock::Acquire(const Config& config, DiagnosticSink* sink) {
  std::string root = config.root.empty() ? "." : config.root;
  fd_ = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) return true;  // the reads and writes will say what is wrong
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return true;
  sink->Error(root, 0, 0,
              _("another l10n-extract or l10n-merge is working on this project; run again "
                "when it has finished"));
  return false;
}

bool Commit(const std::vector<PendingWrite>& writes, DiagnosticSink* sink, RunReport* report) {
  std::map<std::string, std::vector<std::string>> folders;  // folder -> names written there
  auto add_folder = [&folders](const std::string& path) {
    std::filesystem::path p(path);
    folders[p.parent_path().string()].push_back(p.filename().string());
  };
  for (const PendingWrite& w : writes) {
    add_folder(w.path);
    Result<std::string> target = WriteTarget(w.path);
    if (target.ok() && *target != w.path) add_folder(*target);
  }
  for (const auto& [folder, names] : folders) RemoveLeftoverTemporaries(folder, names);

  bool ok = true;
  std::vector<AtomicFile> files;
  std::vector<const std::string*> paths;
  for (const PendingWrite& w : writes) {
    if (w.unchanged || FileHolds(w.path, w.content)) continue;
    AtomicFile file(w.path, w.durability);
    Status status = file.Open();
    if (status.ok()) status = file.Append(w.content);
    if (status.ok()) status = file.Finish();
    if (!status.ok()) {
      sink->Report(status);
      ok = false;
      continue;
    }
    files.push_back(std::move(file));
    paths.push_back(&w.path);
  }
  if (!ok) return false;  // the temporary files go with `files`
  for (size_t i = 0; i < files.size(); ++i) {
    Status status = files[i].Commit();
    if (!status.ok()) {
      sink->Report(status);
      ok = false;
      continue;
    }
    report->changed.push_back(*paths[i]);
  }
  return ok;
}

}  // namespace l10n
