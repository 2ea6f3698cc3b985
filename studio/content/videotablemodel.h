#pragma once

#include "core/net/processingstatus.h"
#include "core/net/videosummary.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Kinora::Studio {

// The creator's videos as table rows (title, status, visibility, counts,
// date). Rows are keyed by video id; processing progress is kept beside the
// videos and shown in the status column until the video leaves processing.
class VideoTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, StatusColumn, VisibilityColumn, ViewsColumn, LikesColumn, CommentsColumn, DateColumn,
                  ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StateRole };

    explicit VideoTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void clear();
    void append(const QList<Core::VideoSummary> &videos); // videos already listed are updated instead
    void update(const Core::VideoSummary &video);
    void remove(const QString &videoId);
    void setStatus(const QString &videoId, const Core::ProcessingStatus &status);

    int rowOf(const QString &videoId) const;
    Core::VideoSummary video(int row) const { return m_videos.value(row); }
    QList<Core::VideoSummary> videos() const { return m_videos; }
    QStringList processingIds() const;

    static QString visibilityText(const QString &visibility);
    QString statusText(const Core::VideoSummary &video) const;

    // Re-reads the translated texts of the header and cells.
    void retranslate();

private:
    QList<Core::VideoSummary> m_videos;
    QHash<QString, double> m_percent;
};

} // namespace Kinora::Studio
