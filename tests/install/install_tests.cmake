# The installed package (tests/install/): `cmake --install` of this build
# into a scratch prefix and a consumer project built against it; and the
# Debian packages (slow: a whole build in dpkg-buildpackage; label deb,
# `ctest -LE deb` leaves it out).
add_test(NAME installed_package_builds_and_runs_a_consumer
  COMMAND sh "${CMAKE_SOURCE_DIR}/tests/install/install_test.sh" "${CMAKE_BINARY_DIR}"
    "${CMAKE_SOURCE_DIR}" "${CMAKE_CXX_COMPILER}")
set_tests_properties(installed_package_builds_and_runs_a_consumer PROPERTIES
  LABELS install TIMEOUT 600 RESOURCE_LOCK install_prefix)
add_test(NAME debian_packages_build_and_hold_the_tools
  COMMAND sh "${CMAKE_SOURCE_DIR}/tests/install/deb_test.sh" "${CMAKE_BINARY_DIR}"
    "${CMAKE_SOURCE_DIR}")
set_tests_properties(debian_packages_build_and_hold_the_tools PROPERTIES
  LABELS "install;deb" TIMEOUT 3600 SKIP_RETURN_CODE 77)
