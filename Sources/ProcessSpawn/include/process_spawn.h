#ifndef SARABUN_PROCESS_SPAWN_H
#define SARABUN_PROCESS_SPAWN_H

#include <spawn.h>

/// Adds a file action that closes every descriptor from `from` up in the child (glibc's
/// posix_spawn_file_actions_addclosefrom_np, which Swift cannot see without _GNU_SOURCE). Returns 0 or an errno.
int sarabun_spawn_close_from(posix_spawn_file_actions_t *actions, int from);

#endif
