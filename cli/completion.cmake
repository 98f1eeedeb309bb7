# Shell completion scripts, printed by the built `byline completion SHELL`
# and installed where each shell looks for them.
set(BYLINE_COMPLETION_DIR ${PROJECT_BINARY_DIR}/completion)
foreach(_shell bash zsh fish)
  add_custom_command(OUTPUT ${BYLINE_COMPLETION_DIR}/byline.${_shell}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${BYLINE_COMPLETION_DIR}
    COMMAND byline_cli completion ${_shell} > ${BYLINE_COMPLETION_DIR}/byline.${_shell}
    DEPENDS byline_cli
    COMMENT "Writing the ${_shell} completion script")
  list(APPEND _completion_scripts ${BYLINE_COMPLETION_DIR}/byline.${_shell})
endforeach()
add_custom_target(byline_completions ALL DEPENDS ${_completion_scripts})

# Where each shell looks, under the install prefix: bash-completion's
# completionsdir (from its pkg-config file, with its prefix replaced by ours),
# zsh's vendor-completions for a .../usr install (on Debian's fpath) and
# site-functions elsewhere (/usr/local/share/zsh/site-functions is on it), fish's vendor_completions.d.
include(GNUInstallDirs)
set(_bash_dir ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_get_variable(_bash_pc_dir bash-completion completionsdir)
  pkg_get_variable(_bash_pc_prefix bash-completion prefix)
  if(_bash_pc_dir AND _bash_pc_prefix)
    string(REGEX REPLACE "^${_bash_pc_prefix}/" "" _bash_dir "${_bash_pc_dir}")
  endif()
endif()
set(BYLINE_BASH_COMPLETION_DIR ${_bash_dir} CACHE STRING "bash completions, relative to the prefix")
set(BYLINE_ZSH_COMPLETION_DIR "" CACHE STRING
  "zsh completions, relative to the prefix (empty: decided at install time, see below)")
set(BYLINE_FISH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d CACHE STRING
  "fish completions, relative to the prefix")
install(FILES ${BYLINE_COMPLETION_DIR}/byline.bash DESTINATION ${BYLINE_BASH_COMPLETION_DIR} RENAME byline)
if(BYLINE_ZSH_COMPLETION_DIR)
  install(FILES ${BYLINE_COMPLETION_DIR}/byline.zsh DESTINATION ${BYLINE_ZSH_COMPLETION_DIR} RENAME _byline)
else()
  # The prefix is known only when installing (cmake --install --prefix, cpack's /usr).
  install(CODE "
    # A prefix ending in /usr: /usr itself, or cpack's and DESTDIR-style staging of it.
    if(CMAKE_INSTALL_PREFIX MATCHES \"/usr/?$\")
      set(_zsh_dir share/zsh/vendor-completions)
    else()
      set(_zsh_dir share/zsh/site-functions)
    endif()
    file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/\${_zsh_dir}\" TYPE FILE RENAME _byline
         FILES \"${BYLINE_COMPLETION_DIR}/byline.zsh\")")
endif()
install(FILES ${BYLINE_COMPLETION_DIR}/byline.fish DESTINATION ${BYLINE_FISH_COMPLETION_DIR} RENAME byline.fish)
