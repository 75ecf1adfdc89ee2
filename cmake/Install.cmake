# What `cmake --install` puts under the prefix (README, "Install"): the
# library, shared (libl10n.so.0) and static, its headers under
# include/l10n/<stage>/, the CMake package (find_package(l10n CONFIG):
# l10n::l10n, l10n::l10n_static), l10n.pc, the man pages of man/ and the
# docs. The tools and the UI catalogs are installed where they are built.
include(CMakePackageConfigHelpers)

install(TARGETS l10n l10n_shared EXPORT l10nTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# Every stage's headers, as lib/<stage>/x.h is included: "post/post_formats.h".
install(DIRECTORY lib/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/l10n
  FILES_MATCHING PATTERN "*.h")

set(L10N_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/l10n)
install(EXPORT l10nTargets NAMESPACE l10n:: DESTINATION ${L10N_CMAKEDIR})
configure_package_config_file(cmake/l10nConfig.cmake.in
  "${CMAKE_BINARY_DIR}/l10nConfig.cmake" INSTALL_DESTINATION ${L10N_CMAKEDIR})
# 0.x: a minor version may break the interface.
write_basic_package_version_file("${CMAKE_BINARY_DIR}/l10nConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_BINARY_DIR}/l10nConfig.cmake" "${CMAKE_BINARY_DIR}/l10nConfigVersion.cmake"
  cmake/FindLibunistring.cmake DESTINATION ${L10N_CMAKEDIR})

# l10n.pc, relocatable: the prefix is found from where the file is.
file(RELATIVE_PATH L10N_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
  "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" L10N_PC_TO_PREFIX "${L10N_PC_TO_PREFIX}")
configure_file(l10n.pc.in "${CMAKE_BINARY_DIR}/l10n.pc" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/l10n.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# man/<page>.<section> and man/<lang>/<page>.<section>, whatever man/ holds.
file(GLOB_RECURSE L10N_MAN_PAGES CONFIGURE_DEPENDS RELATIVE "${CMAKE_SOURCE_DIR}/man"
  "${CMAKE_SOURCE_DIR}/man/*.[1-9]")
foreach(page IN LISTS L10N_MAN_PAGES)
  string(REGEX MATCH "[1-9]$" section "${page}")
  get_filename_component(lang "${page}" DIRECTORY)
  if(lang)
    set(lang "${lang}/")
  endif()
  install(FILES "man/${page}" DESTINATION ${CMAKE_INSTALL_MANDIR}/${lang}man${section})
endforeach()

install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
