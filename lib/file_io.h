// Reading whole files and replacing them atomically: a temporary file in the
// same folder, flushed to disk, then renamed over the target, so a reader (or
// a crash) sees the old or the new content, never a mix.
#ifndef L10N_FILE_IO_H_
#define L10N_FILE_IO_H_

#include <string>

#include "status.h"

namespace l10n {

Result<std::string> ReadFile(const std::string& path);

// Writes `content` to `path` atomically, creating missing parent folders.
// When the file already holds exactly `content` it is left untouched (its
// modification time too).
Status WriteFileAtomic(const std::string& path, const std::string& content);

bool FileExists(const std::string& path);

}  // namespace l10n

#endif  // L10N_FILE_IO_H_
