#pragma once

#include "core/net/apierror.h"
#include "core/net/videosummary.h"

#include <QSet>
#include <QStringList>
#include <QWidget>

#include <functional>

class QFrame;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolBar;
class QToolButton;

namespace Kinora::Core {
class CatalogClient;
class StudioClient;
}

namespace Kinora::Studio {

class ContentActions;
class VideoTableModel;

// The creator's list of their own videos (drafts included) with their
// processing status, visibility and counts, and the actions on one video:
// edit its metadata, change its visibility, replace its thumbnail, delete it.
// Pages load on demand ("Load more"); videos in processing are polled for
// their progress. Failures show in a banner above the table.
class ContentManager : public QWidget
{
    Q_OBJECT
public:
    explicit ContentManager(Core::StudioClient *studio, QWidget *parent = nullptr);

    // Reloads the list from its first page (nothing while signed out).
    void refresh();
    // Signed out, the widget asks to sign in and forgets the list.
    void setSignedIn(bool signedIn);
    bool isSignedIn() const { return m_signedIn; }
    bool isLoading() const { return m_loading; }
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    QString errorText() const;

    VideoTableModel *model() const { return m_model; }

Q_SIGNALS:
    void videoChanged(const Kinora::Core::VideoSummary &video);
    void videoDeleted(const QString &videoId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadMore();
    void requestPage(const QString &cursor);
    void editSelected();
    void openEditDialog(const Core::VideoSummary &video);
    void deleteSelected();
    void setSelectedVisibility(const QString &visibility);
    void replaceThumbnail();
    void uploadThumbnail(const QString &videoId, const QString &path);
    void pollProcessing();
    void withCategories(std::function<void()> then);
    void applyVideo(const Core::VideoSummary &video);
    void showError(const QString &text);
    void hideError();
    void showContextMenu(const QPoint &position);
    void updateActions();
    void updateStatusLine();
    Core::VideoSummary selectedVideo() const;

    Core::StudioClient *m_studio;
    Core::CatalogClient *m_catalog;
    VideoTableModel *m_model;
    bool m_signedIn = false;
    bool m_loading = false;
    quint64 m_generation = 0;     // bumped when the session changes: drops every late answer
    quint64 m_pageGeneration = 0; // bumped by each reload: drops late pages only
    QString m_nextCursor;
    QStringList m_categories;
    bool m_categoriesLoaded = false;
    QSet<QString> m_busyIds;
    QSet<QString> m_pollingIds;

    ContentActions *m_actions;
    QToolBar *m_toolBar;
    QFrame *m_errorBanner;
    QLabel *m_errorIcon;
    QLabel *m_errorLabel;
    QToolButton *m_errorClose;
    QStackedWidget *m_pages;
    QLabel *m_signedOutLabel;
    QTableView *m_table;
    QLabel *m_statusLabel;
    QPushButton *m_loadMore;
    QTimer *m_pollTimer;
};

} // namespace Kinora::Studio
