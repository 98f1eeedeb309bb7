# Installs the `byline` binary, libbyline, its public headers, a CMake
# package (find_package(byline CONFIG) -> byline::byline) and byline.pc.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(BYLINE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/byline)

install(TARGETS byline_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS byline EXPORT bylineTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT bylineTargets NAMESPACE byline:: DESTINATION ${BYLINE_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/bylineConfig.cmake.in
  ${PROJECT_BINARY_DIR}/bylineConfig.cmake INSTALL_DESTINATION ${BYLINE_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/bylineConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/bylineConfig.cmake ${PROJECT_BINARY_DIR}/bylineConfigVersion.cmake
  DESTINATION ${BYLINE_CMAKE_DIR})

# byline.pc finds the prefix relative to itself, so an install anywhere works.
file(RELATIVE_PATH BYLINE_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file(${PROJECT_SOURCE_DIR}/cmake/byline.pc.in ${PROJECT_BINARY_DIR}/byline.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/byline.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
