// Child processes should get their standard descriptors and nothing else; glibc offers that as a GNU
// extension, declared only under _GNU_SOURCE.
#define _GNU_SOURCE
#include "process_spawn.h"

int sarabun_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}
