// libFuzzer entry point for the HLS playlist parser (clang builds only).
#include "tests/fuzz/playlistinvariants.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const char *broken = Kinora::Player::Fuzz::checkPlaylist(input)) {
        std::fprintf(stderr, "playlist invariant broken: %s\n", broken);
        std::abort();
    }
    return 0;
}
