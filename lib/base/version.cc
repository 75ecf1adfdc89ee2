#include "base/version.h"

#ifndef L10N_VERSION
#define L10N_VERSION "unknown"
#endif

namespace l10n {

const char* LibraryVersion() { return L10N_VERSION; }

}  // namespace l10n
