// The no-change fast path of l10n-extract (docs/cache.md): a run leaves a
// record of its inputs (the settings, the UI
// language, every post's path and bytes), of every file it read or would
// write (size, modification time, hash of the bytes) and of what it
// reported. The next run whose inputs and files are all as recorded
// reports the same and writes nothing, without reading a catalog.
//
// The record is `extract` in the cache folder (Config::cache), written
// atomically under the project's lock. Anything wrong with it (missing,
// truncated, another version, a checksum that does not hold) is a miss:
// the run plans as it always does.
#ifndef L10N_PROJECT_EXTRACT_RECORD_H_
#define L10N_PROJECT_EXTRACT_RECORD_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "project/config.h"
#include "project/project.h"

namespace l10n {

// The record's file under config.cache (empty: no cache).
std::string ExtractRecordPath(const Config& config);

// A hash of what extract's result depends on besides the files: every
// setting of `config`, the UI language (the messages' language), the
// tool's version and each of `posts` (LoadPosts): its path and bytes.
uint64_t ExtractInputsKey(const Config& config, const std::vector<Post>& posts);

// When the record at `path` is for `key` and every file it lists is as it
// was then: its report into *report, its diagnostics into *sink, true.
bool ReplayExtract(const std::string& path, uint64_t key, RunReport* report, DiagnosticSink* sink);

// The hash of each existing file the record at `path` lists, as the run
// that wrote it left the file, whatever its inputs were; empty when there
// is no record that holds. Extract left a catalog and its XLIFF copies in
// step: a catalog and a copy that both still hash so are still in step.
std::map<std::string, uint64_t> RecordedHashes(const std::string& path);

// Records a run with inputs `key`, as a run over the files it left would
// report (no file changed): `files`, every
// file it read or would write (existing or not), as they are now, and its
// report and diagnostics. A failure is a note.
void RecordExtract(const std::string& path, uint64_t key, const std::vector<std::string>& files,
                   const RunReport& report, const std::vector<Diagnostic>& diagnostics,
                   DiagnosticSink* sink);

}  // namespace l10n

#endif  // L10N_PROJECT_EXTRACT_RECORD_H_
