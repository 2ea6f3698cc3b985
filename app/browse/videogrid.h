#pragma once

#include "app/browse/videocard.h"
#include "core/net/catalogclient.h"

#include <QList>
#include <QPointer>
#include <QScrollArea>

#include <functional>

class QLabel;
class QPushButton;

namespace Kinora::App {

class ThumbnailCache;

// Cards of a paginated video list, flowed into as many columns as fit (or
// one row each in list mode). It asks its loader for the next cursor page
// when the view is scrolled near the bottom, and shows loading, empty and
// error states (with a retry button) below the cards. The arrow keys move the
// focus between cards along the grid's rows and columns, Home and End to the
// first and last card; Enter or Space open the focused one.
class VideoGrid : public QScrollArea
{
    Q_OBJECT
public:
    using PageCallback = Core::CatalogClient::Callback<Core::VideoPage>;
    // Loads the page at cursor (empty: the first) and calls done with it.
    using PageLoader = std::function<void(const QString &cursor, QObject *context, PageCallback done)>;

    VideoGrid(Core::CatalogClient *catalog, ThumbnailCache *thumbnails, QWidget *parent = nullptr);

    // Forgets the cards and starts again from the first page of loader.
    void setLoader(PageLoader loader);
    void reload();
    // No list at all: just a message (e.g. "Type to search").
    void showMessage(const QString &message);
    void setEmptyText(const QString &text) { m_emptyText = text; }

    VideoCard::Layout layoutMode() const { return m_layout; }
    void setLayoutMode(VideoCard::Layout layout);

    QList<VideoCard *> cards() const { return m_cards; }
    int columnCount() const { return m_columns; }
    // Drops the card of the video (e.g. after it left the list on the server).
    void removeVideo(const QString &videoId);
    bool isLoading() const { return m_loading; }
    bool hasMore() const { return !m_cursor.isEmpty(); }
    QString statusText() const;
    bool isErrorShown() const;
    // Progress bars for "continue watching": video id -> watched fraction.
    void setProgress(const QHash<QString, double> &progress) { m_progress = progress; }

Q_SIGNALS:
    void videoActivated(const Kinora::Core::VideoSummary &video);
    void channelActivated(const QString &channelId, const QString &channelName);
    // The context menu key or right click on a card, and Delete on a focused card.
    void videoContextMenuRequested(const Kinora::Core::VideoSummary &video, const QPoint &globalPos);
    void videoRemoveRequested(const Kinora::Core::VideoSummary &video);
    void pageLoaded(int cards);
    void loadFailed(const Kinora::Core::ApiError &error);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void loadNextPage();
    void onPage(const Core::VideoPage &page, const Core::ApiError &error);
    void relayout();
    void maybeLoadMore();
    void setStatus(const QString &text, bool error);
    // The card a key moves the focus to from card `index`; -1: none.
    int cardForKey(int index, int key) const;
    void focusCard(int index);

    Core::CatalogClient *m_catalog;
    ThumbnailCache *m_thumbnails;
    QWidget *m_content;
    QWidget *m_statusBox;
    QLabel *m_status;
    QPushButton *m_retry;
    PageLoader m_loader;
    QPointer<QObject> m_requestContext; // replaced on reset, so old answers are dropped
    QList<VideoCard *> m_cards;
    QHash<QString, double> m_progress;
    QString m_cursor;
    QString m_emptyText;
    VideoCard::Layout m_layout = VideoCard::Layout::Grid;
    int m_columns = 1;
    bool m_loading = false;
    bool m_started = false;
    bool m_failed = false;
};

} // namespace Kinora::App
