#ifndef LUMPINI_CFUZZDRIVER_H
#define LUMPINI_CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 12 and later): SwiftPM gives every executable its own
/// `main`, so each fuzz target's main hands its callback to the driver instead of linking libFuzzer's main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
