// The library's version: CMake's project VERSION, as the library was built.
#ifndef L10N_BASE_VERSION_H_
#define L10N_BASE_VERSION_H_

namespace l10n {

// "0.1.0": the version of the l10n library linked in.
const char* LibraryVersion();

}  // namespace l10n

#endif  // L10N_BASE_VERSION_H_
