# Finds GNU libunistring (Debian: libunistring-dev), which ships no
# pkg-config or CMake package file. Defines Libunistring::Libunistring.
find_path(LIBUNISTRING_INCLUDE_DIR NAMES unilbrk.h uniwidth.h)
find_library(LIBUNISTRING_LIBRARY NAMES unistring)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Libunistring
  REQUIRED_VARS LIBUNISTRING_LIBRARY LIBUNISTRING_INCLUDE_DIR)
if(Libunistring_FOUND AND NOT TARGET Libunistring::Libunistring)
  add_library(Libunistring::Libunistring UNKNOWN IMPORTED)
  set_target_properties(Libunistring::Libunistring PROPERTIES
    IMPORTED_LOCATION "${LIBUNISTRING_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LIBUNISTRING_INCLUDE_DIR}")
endif()
mark_as_advanced(LIBUNISTRING_INCLUDE_DIR LIBUNISTRING_LIBRARY)
