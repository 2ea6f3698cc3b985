#pragma once

#include <QStringList>
#include <QtGlobal>

namespace Kinora::Server::Catalog {

// Limits of the catalog and social features. Categories and the image size
// come from the configuration (catalog.categories, catalog.maxImageBytes);
// the other limits are documented in server/API.md.
struct CatalogSettings
{
    int titleMaxLength = 100;
    int descriptionMaxLength = 5000;
    int maxTags = 20;
    int tagMaxLength = 30;
    int languageMaxLength = 16;
    int failureReasonMaxLength = 1000;
    QStringList categories{
        QStringLiteral("autos"), QStringLiteral("comedy"), QStringLiteral("education"),
        QStringLiteral("entertainment"), QStringLiteral("film"), QStringLiteral("gaming"),
        QStringLiteral("howto"), QStringLiteral("music"), QStringLiteral("news"),
        QStringLiteral("people"), QStringLiteral("pets"), QStringLiteral("science"),
        QStringLiteral("sports"), QStringLiteral("travel"), QStringLiteral("other")};

    int channelNameMaxLength = 64;
    int channelDescriptionMaxLength = 5000;
    qint64 maxImageBytes = 2 * 1024 * 1024; // avatars and custom thumbnails
    int thumbnailCandidates = 3;            // thumbnail choice "0".."N-1" or "custom"

    int defaultPageSize = 20;
    int maxPageSize = 100;
    int maxSearchOffset = 1000; // search pages reach at most this deep
    int maxSearchCandidates = 500; // matches a search ranks at most (the most recently added)
    int searchCacheMs = 5000;      // how long a search result may be reused (0: never); writes clear it at once
    int searchCacheEntries = 4096; // results remembered at most

    int commentMaxLength = 5000;
    int playlistTitleMaxLength = 150;
    int playlistDescriptionMaxLength = 5000;
    int maxPlaylistsPerUser = 500;
    int maxPlaylistItems = 5000;
    int searchQueryMaxLength = 200;
};

} // namespace Kinora::Server::Catalog
