#include "studio/content/videotablemodel.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace Kinora::Studio {

VideoTableModel::VideoTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int VideoTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_videos.size());
}

int VideoTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VideoTableModel::visibilityText(const QString &visibility)
{
    if (visibility == QLatin1String("public"))
        return tr("Public");
    if (visibility == QLatin1String("unlisted"))
        return tr("Unlisted");
    if (visibility == QLatin1String("private"))
        return tr("Private");
    return visibility;
}

QString VideoTableModel::statusText(const Core::VideoSummary &video) const
{
    const QString &state = video.state;
    if (state == QLatin1String("draft"))
        return tr("Draft");
    if (state == QLatin1String("uploading"))
        return tr("Uploading");
    if (state == QLatin1String("processing")) {
        const auto percent = m_percent.constFind(video.id);
        if (percent == m_percent.constEnd())
            return tr("Processing");
        return tr("Processing %1%").arg(QLocale().toString(*percent, 'f', 0));
    }
    if (state == QLatin1String("ready")) {
        if (video.scheduledAt.isValid() && video.scheduledAt > QDateTime::currentDateTimeUtc())
            return tr("Scheduled");
        return tr("Ready");
    }
    if (state == QLatin1String("failed")) {
        if (video.failureReason.isEmpty())
            return tr("Failed");
        return tr("Failed: %1").arg(video.failureReason);
    }
    return state;
}

QVariant VideoTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_videos.size())
        return {};
    const Core::VideoSummary &video = m_videos.at(index.row());
    const QLocale locale;
    if (role == IdRole)
        return video.id;
    if (role == StateRole)
        return video.state;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == ViewsColumn || index.column() == LikesColumn || index.column() == CommentsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    const QDateTime date = video.scheduledAt.isValid()   ? video.scheduledAt
                           : video.publishedAt.isValid() ? video.publishedAt
                                                         : video.createdAt;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TitleColumn: return video.title;
        case StatusColumn: return statusText(video);
        case VisibilityColumn: return visibilityText(video.visibility);
        case ViewsColumn: return locale.toString(video.viewCount);
        case LikesColumn: return locale.toString(video.likeCount);
        case CommentsColumn: return locale.toString(video.commentCount);
        case DateColumn: return date.isValid() ? locale.toString(date.toLocalTime(), QLocale::ShortFormat) : QString();
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TitleColumn: return video.description.isEmpty() ? video.title : video.title + QLatin1Char('\n') + video.description;
        case StatusColumn: return statusText(video);
        case DateColumn:
            if (video.scheduledAt.isValid())
                return tr("Scheduled for %1").arg(locale.toString(video.scheduledAt.toLocalTime(), QLocale::LongFormat));
            if (video.publishedAt.isValid())
                return tr("Published %1").arg(locale.toString(video.publishedAt.toLocalTime(), QLocale::LongFormat));
            if (video.createdAt.isValid())
                return tr("Created %1").arg(locale.toString(video.createdAt.toLocalTime(), QLocale::LongFormat));
            return {};
        }
        return {};
    }
    if (role == Qt::DecorationRole && index.column() == StatusColumn && video.state == QLatin1String("failed"))
        return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    return {};
}

QVariant VideoTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn: return tr("Title");
    case StatusColumn: return tr("Status");
    case VisibilityColumn: return tr("Visibility");
    case ViewsColumn: return tr("Views");
    case LikesColumn: return tr("Likes");
    case CommentsColumn: return tr("Comments");
    case DateColumn: return tr("Date");
    }
    return {};
}

void VideoTableModel::clear()
{
    beginResetModel();
    m_videos.clear();
    m_percent.clear();
    endResetModel();
}

void VideoTableModel::append(const QList<Core::VideoSummary> &videos)
{
    QList<Core::VideoSummary> added;
    for (const Core::VideoSummary &video : videos) {
        if (rowOf(video.id) >= 0)
            update(video);
        else
            added.append(video);
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, int(m_videos.size()), int(m_videos.size() + added.size() - 1));
    m_videos.append(added);
    endInsertRows();
}

void VideoTableModel::update(const Core::VideoSummary &video)
{
    const int row = rowOf(video.id);
    if (row < 0)
        return;
    m_videos[row] = video;
    if (video.state != QLatin1String("processing"))
        m_percent.remove(video.id);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void VideoTableModel::remove(const QString &videoId)
{
    const int row = rowOf(videoId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_videos.removeAt(row);
    m_percent.remove(videoId);
    endRemoveRows();
}

void VideoTableModel::setStatus(const QString &videoId, const Core::ProcessingStatus &status)
{
    const int row = rowOf(videoId);
    if (row < 0)
        return;
    Core::VideoSummary &video = m_videos[row];
    // The status route folds drafts into "uploading"; keep the catalog's finer state then.
    if (status.state == QLatin1String("processing")) {
        video.state = status.state;
        m_percent.insert(videoId, status.percent);
    } else if (status.state == QLatin1String("ready") || status.state == QLatin1String("failed")) {
        video.state = status.state;
        video.failureReason = status.state == QLatin1String("failed") ? status.reason : QString();
        m_percent.remove(videoId);
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int VideoTableModel::rowOf(const QString &videoId) const
{
    for (int row = 0; row < m_videos.size(); ++row) {
        if (m_videos.at(row).id == videoId)
            return row;
    }
    return -1;
}

QStringList VideoTableModel::processingIds() const
{
    QStringList ids;
    for (const Core::VideoSummary &video : m_videos) {
        if (video.state == QLatin1String("processing"))
            ids.append(video.id);
    }
    return ids;
}

void VideoTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_videos.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_videos.size()) - 1, ColumnCount - 1));
}

} // namespace Kinora::Studio
