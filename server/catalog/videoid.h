#pragma once

#include <QString>

namespace Kinora::Server::Catalog {

// Public video ids: 11 characters of the base64url alphabet (66 random bits)
// drawn from the operating system's CSPRNG, so ids of unlisted videos cannot
// be guessed or enumerated.
class VideoId
{
public:
    static constexpr int Length = 11;
    static QString generate();
    static bool isValid(const QString &id);
};

} // namespace Kinora::Server::Catalog
