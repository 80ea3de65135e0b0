#ifndef SARABUN_SHA256_BLOCKS_H
#define SARABUN_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (x86-64 SHA-NI with SSSE3 and SSE4.1); 0 elsewhere.
int sarabun_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks of `data`, updating `state` (the eight
/// working words, a first): with the SHA extensions when `hardware` is 1 (pass 1 only when
/// `sarabun_sha256_hardware_available()` said so: the check costs too much to repeat per call), else in plain C.
void sarabun_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, int hardware);

#endif
