#!/bin/sh
# /usr/bin/deadline-reminder: the program installed under @INSTALL_DIR@.
exec "@INSTALL_DIR@/deadline-reminder" "$@"
