// The files of a run (project.h): every input read and checked before
// anything is written, and the outputs written all or nothing.
//
//   LoadCatalog, LoadTaxonomy: the inputs, errors reported as path:line:col
//   ProjectLock: one run on a project at a time
//   Commit: every changed file to a temporary first, then all renamed
//
// Internal to lib/project/ (the extract and merge runs, CheckProject).
#ifndef L10N_PROJECT_PROJECT_IO_H_
#define L10N_PROJECT_PROJECT_IO_H_

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_io.h"
#include "catalog/catalog.h"
#include "catalog/taxonomy.h"
#include "project/config.h"
#include "project/project.h"

namespace l10n {

// `file` relative to the project root, as references and reports name it.
std::string Relative(const std::string& file, const std::string& root);

// Reads a catalog, in the format its name says (catalog_io.h), when the
// file exists; a PO file's header must suit the tools (check.h). Returns
// false on a read or syntax error (reported); *catalog stays null when
// there is no file. `file_text`, when given, gets the file's text.
bool LoadCatalog(const std::string& path, std::unique_ptr<Catalog>* catalog, DiagnosticSink* sink,
                 std::string* file_text = nullptr);

// Reads the project's taxonomy when its file exists (else leaves it empty).
bool LoadTaxonomy(const Config& config, Taxonomy* taxonomy, DiagnosticSink* sink);

// Whether `path`, with every symbolic link resolved, is inside `folder`
// (resolved already); *resolved is where it leads.
bool ResolvesInside(const std::string& path, const std::filesystem::path& folder,
                    std::string* resolved);

// Two runs on one project at once could interleave their writes: the second
// waits for nothing and says so. The lock is flock(2) on the project's
// folder itself, so no lock file is left behind, and the kernel releases it
// when a run dies.
class ProjectLock {
 public:
  ProjectLock() = default;
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;
  ~ProjectLock();
  bool Acquire(const Config& config, DiagnosticSink* sink);

 private:
  int fd_ = -1;
};

struct PendingWrite {
  std::string path;
  std::string content;
  // kSynced for what people write and keep (catalogs, templates, the
  // taxonomy, XLIFF, the record of published URLs); kReplaced for pages a
  // run regenerates (file_io.h).
  Durability durability = Durability::kSynced;
  // Known to hold `content` already (a cache says so): not written, but its
  // folder is cleaned of leftovers as any other's.
  bool unchanged = false;
};

// Writes every changed file to its temporary first and renames them only
// when all were written, so that a full disk or a folder that cannot be
// written replaces nothing. The folders written to lose the temporary files
// a killed run left (the project's lock is held: no other run is writing).
// A file that already holds its content is not opened for writing at all
// (no temporary file; its modification time kept). report->changed gets the
// files replaced.
bool Commit(const std::vector<PendingWrite>& writes, DiagnosticSink* sink, RunReport* report);

// Commit in two steps, for a run that makes its files one by one: Stage()
// writes each to its temporary file at once (so that its content need not
// be kept), Commit() renames them all when every one was written. Destroyed
// before, or when a write failed, it replaces nothing and removes its
// temporary files. The errors are reported by Commit(), in Stage()'s order.
// A path staged again replaces what was staged for it.
class StagedWrites {
 public:
  StagedWrites() = default;
  StagedWrites(const StagedWrites&) = delete;
  StagedWrites& operator=(const StagedWrites&) = delete;
  // Without a successful Commit(): the temporary files removed, and the
  // folders made for them that are still empty.
  ~StagedWrites();
  void Stage(const PendingWrite& write);
  // Takes over what `other` staged, as if staged here after what this
  // holds (so that stagings made apart, on other threads, commit in one
  // order, all or nothing); `other` is left empty.
  void Absorb(StagedWrites* other);
  bool Commit(DiagnosticSink* sink, RunReport* report);

 private:
  void Discard();
  std::vector<std::string> made_;  // folders made for the temporaries
  bool committed_ = false;
  std::vector<std::string> paths_;                // everything staged: its folder is cleaned
  std::vector<std::optional<AtomicFile>> files_;  // written (none: staged again since)
  std::vector<std::string> written_;
  std::map<std::string, size_t> index_;  // path -> its file in files_
  std::vector<std::pair<std::string, Status>> errors_;
};

}  // namespace l10n

#endif  // L10N_PROJECT_PROJECT_IO_H_
