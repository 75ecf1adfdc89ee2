#include "base/bury.h"

#include <mutex>
#include <vector>

namespace l10n {

void BuryPointer(const void* p) {
  static std::mutex* mutex = new std::mutex;
  static std::vector<const void*>* graveyard = new std::vector<const void*>;
  std::lock_guard<std::mutex> lock(*mutex);
  graveyard->push_back(p);
}

}  // namespace l10n
