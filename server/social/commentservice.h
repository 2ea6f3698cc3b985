#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/catalogsettings.h"
#include "server/catalog/page.h"
#include "server/catalog/viewer.h"
#include "server/social/comment.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Social {

// Comments in threads of two levels: top-level comments (newest first) and
// their replies (oldest first). A reply to a reply joins the thread of its
// top-level comment. Whoever may see the video may read and, signed in,
// write; authors edit; authors, the video's owner and moderators delete (a
// top-level comment takes its replies along). The video's comment count and
// the thread's reply count change in the same transaction.
class CommentService
{
    Q_DECLARE_TR_FUNCTIONS(CommentService)

public:
    CommentService(Storage::Database &database, Catalog::VideoService &videos, const Catalog::CatalogSettings &settings);

    ServiceResult<Comment> add(const Catalog::Viewer &viewer, const QString &videoId, const QString &body, qint64 parentId = 0);
    // parentId 0: the top-level comments of the video; else the replies of that comment.
    ServiceResult<Catalog::Page<Comment>> list(const Catalog::Viewer &viewer, const QString &videoId, qint64 parentId,
                                               int limit, const QString &cursor);
    // The replies of a comment, found by the comment's id alone.
    ServiceResult<Catalog::Page<Comment>> replies(const Catalog::Viewer &viewer, qint64 commentId, int limit, const QString &cursor);
    ServiceResult<Comment> edit(const Catalog::Viewer &viewer, qint64 commentId, const QString &body);
    ServiceStatus remove(const Catalog::Viewer &viewer, qint64 commentId);

private:
    std::optional<Comment> find(const QSqlDatabase &db, qint64 commentId, QString *error);
    std::optional<ServiceError> checkBody(const QString &body) const;

    Storage::Database &m_database;
    Catalog::VideoService &m_videos;
    const Catalog::CatalogSettings &m_settings;
};

} // namespace Kinora::Server::Social
