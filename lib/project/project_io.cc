#include "project/project_io.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
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

StagedWrites::~StagedWrites() {
  if (!committed_) Discard();
}

void StagedWrites::Discard() {
  files_.clear();  // their temporary files go with them
  // The deepest first: a folder's path is longer than its parent's.
  std::sort(made_.begin(), made_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& folder : made_) ::rmdir(folder.c_str());  // when empty
  made_.clear();
}

void StagedWrites::Stage(const PendingWrite& w) {
  paths_.push_back(w.path);
  // What was staged for it before goes.
  errors_.erase(std::remove_if(errors_.begin(), errors_.end(),
                               [&w](const auto& e) { return e.first == w.path; }),
                errors_.end());
  if (auto it = index_.find(w.path); it != index_.end()) {
    files_[it->second].reset();  // its temporary file removed
    index_.erase(it);
  }
  if (w.unchanged || FileHolds(w.path, w.content)) return;
  // The folders AtomicFile::Open will make, to remove again should the run
  // write nothing.
  std::error_code ec;
  std::vector<std::string> missing;
  for (std::filesystem::path p = std::filesystem::path(w.path).parent_path();
       !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p.string());
  }
  made_.insert(made_.end(), missing.begin(), missing.end());
  AtomicFile file(w.path, w.durability);
  Status status = file.Open();
  if (status.ok()) status = file.Append(w.content);
  if (status.ok()) status = file.Finish();
  if (!status.ok()) {
    errors_.emplace_back(w.path, std::move(status));
    return;
  }
  index_[w.path] = files_.size();
  files_.emplace_back(std::move(file));
  written_.push_back(w.path);
}

void StagedWrites::Absorb(StagedWrites* other) {
  for (auto& error : other->errors_) {
    const std::string& path = error.first;  // a variable: clang 14 captures no structured binding
    errors_.erase(std::remove_if(errors_.begin(), errors_.end(),
                                 [&path](const auto& e) { return e.first == path; }),
                  errors_.end());
    errors_.emplace_back(path, std::move(error.second));
  }
  for (const auto& [path, i] : other->index_) {
    if (auto it = index_.find(path); it != index_.end()) {
      files_[it->second].reset();  // staged again: its temporary file removed
      index_.erase(it);
    }
    index_[path] = files_.size() + i;
  }
  paths_.insert(paths_.end(), other->paths_.begin(), other->paths_.end());
  made_.insert(made_.end(), other->made_.begin(), other->made_.end());
  for (auto& file : other->files_) files_.push_back(std::move(file));
  written_.insert(written_.end(), other->written_.begin(), other->written_.end());
  other->errors_.clear();
  other->index_.clear();
  other->paths_.clear();
  other->made_.clear();
  other->files_.clear();
  other->written_.clear();
}

bool StagedWrites::Commit(DiagnosticSink* sink, RunReport* report) {
  // The folders written to lose what killed runs left (this run's own
  // temporary files are not theirs).
  std::map<std::string, std::vector<std::string>> folders;  // folder -> names written there
  auto add_folder = [&folders](const std::string& path) {
    std::filesystem::path p(path);
    folders[p.parent_path().string()].push_back(p.filename().string());
  };
  for (const std::string& path : paths_) {
    add_folder(path);
    Result<std::string> target = WriteTarget(path);
    if (target.ok() && *target != path) add_folder(*target);
  }
  for (const auto& [folder, names] : folders) RemoveLeftoverTemporaries(folder, names);

  if (!errors_.empty()) {
    for (const auto& [path, status] : errors_) sink->Report(status);
    Discard();
    return false;
  }
  committed_ = true;
  bool ok = true;
  for (size_t i = 0; i < files_.size(); ++i) {
    if (!files_[i]) continue;  // staged again since
    Status status = files_[i]->Commit();
    if (!status.ok()) {
      sink->Report(status);
      ok = false;
      continue;
    }
    report->changed.push_back(written_[i]);
  }
  return ok;
}

bool Commit(const std::vector<PendingWrite>& writes, DiagnosticSink* sink, RunReport* report) {
  StagedWrites staged;
  for (const PendingWrite& w : writes) staged.Stage(w);
  return staged.Commit(sink, report);
}

}  // namespace l10n
