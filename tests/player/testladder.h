#pragma once

#include <QString>

// Encodes one HLS rendition with the ffmpeg CLI for player tests: testsrc2
// with noise (so the bitrate is real), a sine tone, constant bitrate,
// closed GOPs exactly one segment long so every rung switches cleanly.
class TestLadder
{
public:
    struct Rung
    {
        QString name;    // sub-directory
        QString size;    // e.g. 320x180
        int videoKbps = 300;
    };

    static bool encode(const QString &directory, const Rung &rung, int seconds, int segmentSeconds, QString *error);
};
