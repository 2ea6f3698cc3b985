#include "app/library/playlistspanel.h"

#include "app/library/playlistview.h"
#include "core/net/libraryclient.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int PlaylistPageSize = 100;
constexpr int MaxTitleLength = 150; // the server's limit

bool isError(const Core::ApiError &error)
{
    return !error.code.isEmpty();
}
} // namespace

PlaylistsPanel::PlaylistsPanel(Core::LibraryClient *library, Core::CatalogClient *catalog, ThumbnailCache *thumbnails,
                               QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_stack(new QStackedWidget(this))
    , m_list(new QListWidget(this))
    , m_create(new QPushButton(this))
    , m_rename(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_open(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_back(new QToolButton(this))
    , m_title(new QLabel(this))
    , m_view(new PlaylistView(library, catalog, thumbnails, this))
{
    setObjectName(QStringLiteral("playlistsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    auto *listPage = new QWidget(m_stack);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_list->setObjectName(QStringLiteral("playlistList"));
    listLayout->addWidget(m_list, 1);
    m_status->setObjectName(QStringLiteral("playlistsStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->hide();
    listLayout->addWidget(m_status);
    auto *buttons = new QHBoxLayout;
    m_create->setObjectName(QStringLiteral("newPlaylistButton"));
    m_open->setObjectName(QStringLiteral("openPlaylistButton"));
    m_rename->setObjectName(QStringLiteral("renamePlaylistButton"));
    m_delete->setObjectName(QStringLiteral("deletePlaylistButton"));
    buttons->addWidget(m_create);
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    listLayout->addLayout(buttons);
    m_stack->addWidget(listPage);

    auto *itemsPage = new QWidget(m_stack);
    auto *itemsLayout = new QVBoxLayout(itemsPage);
    itemsLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_back->setObjectName(QStringLiteral("playlistsBackButton"));
    m_back->setAutoRaise(true);
    m_back->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_title->setObjectName(QStringLiteral("playlistTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    top->addWidget(m_back);
    top->addWidget(m_title, 1);
    itemsLayout->addLayout(top);
    itemsLayout->addWidget(m_view, 1);
    m_stack->addWidget(itemsPage);

    connect(m_create, &QPushButton::clicked, this, &PlaylistsPanel::askToCreate);
    connect(m_rename, &QPushButton::clicked, this, &PlaylistsPanel::askToRename);
    connect(m_delete, &QPushButton::clicked, this, &PlaylistsPanel::askToDelete);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (currentPlaylist().isValid())
            openPlaylist(currentPlaylist().id);
    });
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (currentPlaylist().isValid())
            openPlaylist(currentPlaylist().id);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &PlaylistsPanel::updateButtons);
    connect(m_back, &QToolButton::clicked, this, &PlaylistsPanel::showList);
    connect(m_view, &PlaylistView::videoActivated, this, &PlaylistsPanel::videoActivated);
    retranslateUi();
    updateButtons();
}

void PlaylistsPanel::retranslateUi()
{
    m_create->setText(tr("&New playlist…"));
    m_open->setText(tr("&Open"));
    m_rename->setText(tr("Re&name…"));
    m_delete->setText(tr("De&lete…"));
    m_back->setText(tr("← All playlists"));
    m_list->setAccessibleName(tr("Playlists"));
    m_view->setEmptyText(tr("This playlist is empty. Add videos from the watch page."));
    showPlaylists();
}

bool PlaylistsPanel::isPlaylistOpen() const
{
    return m_stack->currentIndex() == 1;
}

QString PlaylistsPanel::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

Core::PlaylistSummary PlaylistsPanel::currentPlaylist() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_playlists.size() ? m_playlists.at(row) : Core::PlaylistSummary();
}

QString PlaylistsPanel::playlistText(const Core::PlaylistSummary &playlist) const
{
    const int count = int(qMin<qint64>(playlist.itemCount, INT_MAX));
    const QString videos = count == 1 ? tr("%n video", "", count) : tr("%n videos", "", count);
    QString visibility;
    if (playlist.visibility == QLatin1String("public"))
        visibility = tr("Public");
    else if (playlist.visibility == QLatin1String("unlisted"))
        visibility = tr("Unlisted");
    else
        visibility = tr("Private");
    return tr("%1\n%2 · %3", "title, videos · visibility").arg(playlist.title, videos, visibility);
}

void PlaylistsPanel::clear()
{
    delete m_requestContext;
    m_playlists.clear();
    m_loading = false;
    m_view->clear();
    m_stack->setCurrentIndex(0);
    showPlaylists();
    setStatus(QString());
}

void PlaylistsPanel::reload()
{
    delete m_requestContext;
    m_requestContext = new QObject(this);
    m_loadingPlaylists.clear();
    setStatus(m_playlists.isEmpty() ? tr("Loading…") : QString());
    loadPage(QString());
    if (isPlaylistOpen())
        m_view->reload();
}

void PlaylistsPanel::loadPage(const QString &cursor)
{
    m_loading = true;
    updateButtons();
    m_library->myPlaylists(cursor, PlaylistPageSize, m_requestContext,
                           [this](const Core::PlaylistPage &page, const Core::ApiError &error) {
                               if (isError(error)) {
                                   m_loading = false;
                                   setStatus(tr("Your playlists could not be loaded: %1").arg(error.message));
                                   updateButtons();
                                   return;
                               }
                               for (const Core::PlaylistSummary &playlist : page.items) {
                                   if (!playlist.isWatchLater())
                                       m_loadingPlaylists.append(playlist);
                               }
                               if (page.hasMore()) {
                                   loadPage(page.nextCursor);
                                   return;
                               }
                               m_loading = false;
                               m_playlists = m_loadingPlaylists;
                               m_loadingPlaylists.clear();
                               showPlaylists();
                           });
}

void PlaylistsPanel::showPlaylists()
{
    const QString current = m_selectAfterLoad.isEmpty() ? currentPlaylist().id : m_selectAfterLoad;
    m_list->clear();
    for (const Core::PlaylistSummary &playlist : std::as_const(m_playlists)) {
        auto *item = new QListWidgetItem(playlistText(playlist), m_list);
        item->setData(Qt::UserRole, playlist.id);
        if (!playlist.description.isEmpty())
            item->setToolTip(playlist.description);
    }
    for (int row = 0; row < m_playlists.size(); ++row) {
        if (m_playlists.at(row).id == current)
            m_list->setCurrentRow(row);
    }
    if (m_list->currentRow() < 0 && !m_playlists.isEmpty())
        m_list->setCurrentRow(0);
    m_selectAfterLoad.clear();
    if (!m_loading)
        setStatus(m_playlists.isEmpty() ? tr("You have no playlists yet. Create one to collect videos.") : QString());
    updateButtons();
}

void PlaylistsPanel::updateButtons()
{
    const bool selected = currentPlaylist().isValid();
    m_open->setEnabled(selected);
    m_rename->setEnabled(selected);
    m_delete->setEnabled(selected);
}

void PlaylistsPanel::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void PlaylistsPanel::askToCreate()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("playlistNameDialog"));
    dialog->setWindowTitle(tr("New playlist"));
    dialog->setLabelText(tr("Name of the new playlist:"));
    dialog->setOkButtonText(tr("Create"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &title) { createPlaylist(title); });
    dialog->open();
}

void PlaylistsPanel::askToRename()
{
    const Core::PlaylistSummary playlist = currentPlaylist();
    if (!playlist.isValid())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("playlistNameDialog"));
    dialog->setWindowTitle(tr("Rename playlist"));
    dialog->setLabelText(tr("New name of the playlist:"));
    dialog->setTextValue(playlist.title);
    dialog->setOkButtonText(tr("Rename"));
    const QString id = playlist.id;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString &title) { renamePlaylist(id, title); });
    dialog->open();
}

void PlaylistsPanel::askToDelete()
{
    const Core::PlaylistSummary playlist = currentPlaylist();
    if (!playlist.isValid())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete playlist"),
                                tr("Delete the playlist “%1”? The videos themselves stay on Kinora.").arg(playlist.title),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("deletePlaylistConfirmation"));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    const QString id = playlist.id;
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            deletePlaylist(id);
    });
    box->open();
}

void PlaylistsPanel::createPlaylist(const QString &title)
{
    const QString name = title.trimmed().left(MaxTitleLength);
    if (name.isEmpty())
        return;
    m_library->createPlaylist(name, QString(), QStringLiteral("private"), m_requestContext ? m_requestContext.get() : this,
                              [this](const Core::PlaylistSummary &playlist, const Core::ApiError &error) {
                                  if (isError(error)) {
                                      setStatus(tr("The playlist was not created: %1").arg(error.message));
                                      return;
                                  }
                                  m_selectAfterLoad = playlist.id;
                                  reload();
                              });
}

void PlaylistsPanel::renamePlaylist(const QString &id, const QString &title)
{
    const QString name = title.trimmed().left(MaxTitleLength);
    if (name.isEmpty())
        return;
    m_library->renamePlaylist(id, name, m_requestContext ? m_requestContext.get() : this,
                              [this](const Core::PlaylistSummary &playlist, const Core::ApiError &error) {
                                  if (isError(error)) {
                                      setStatus(tr("The playlist was not renamed: %1").arg(error.message));
                                      return;
                                  }
                                  for (Core::PlaylistSummary &entry : m_playlists) {
                                      if (entry.id == playlist.id)
                                          entry = playlist;
                                  }
                                  if (m_view->playlistId() == playlist.id)
                                      m_title->setText(playlist.title);
                                  showPlaylists();
                              });
}

void PlaylistsPanel::deletePlaylist(const QString &id)
{
    m_library->deletePlaylist(id, m_requestContext ? m_requestContext.get() : this, [this, id](const Core::ApiError &error) {
        if (isError(error)) {
            setStatus(tr("The playlist was not deleted: %1").arg(error.message));
            return;
        }
        if (m_view->playlistId() == id) {
            m_view->clear();
            showList();
        }
        for (qsizetype i = 0; i < m_playlists.size(); ++i) {
            if (m_playlists.at(i).id == id) {
                m_playlists.removeAt(i);
                break;
            }
        }
        showPlaylists();
    });
}

void PlaylistsPanel::openPlaylist(const QString &id)
{
    for (const Core::PlaylistSummary &playlist : std::as_const(m_playlists)) {
        if (playlist.id == id)
            m_title->setText(playlist.title);
    }
    m_view->setPlaylist(id);
    m_stack->setCurrentIndex(1);
    m_view->list()->setFocus(Qt::OtherFocusReason);
}

void PlaylistsPanel::showList()
{
    const bool wasOpen = isPlaylistOpen();
    m_stack->setCurrentIndex(0);
    if (wasOpen) {
        reload(); // item counts changed
        m_list->setFocus(Qt::OtherFocusReason);
    }
}

void PlaylistsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
