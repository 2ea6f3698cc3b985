#include "app/library/savevideobutton.h"

#include "core/net/authservice.h"
#include "core/net/libraryclient.h"

#include <QAction>
#include <QEvent>
#include <QInputDialog>
#include <QMenu>

namespace Kinora::App {

namespace {
constexpr int PlaylistPageSize = 100;
constexpr int MaxTitleLength = 150; // the server's limit
}

SaveVideoButton::SaveVideoButton(Core::LibraryClient *library, Core::AuthService *auth, QWidget *parent)
    : QToolButton(parent)
    , m_library(library)
    , m_auth(auth)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("saveVideoButton"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setPopupMode(QToolButton::InstantPopup);
    setMenu(m_menu);
    connect(m_menu, &QMenu::aboutToShow, this, &SaveVideoButton::fillMenu);
    retranslateUi();
}

void SaveVideoButton::retranslateUi()
{
    setText(tr("Save"));
    setToolTip(tr("Save to Watch later or a playlist"));
}

void SaveVideoButton::setVideoId(const QString &videoId)
{
    m_videoId = videoId;
}

void SaveVideoButton::fillMenu()
{
    delete m_menuContext;
    m_menuContext = new QObject(this);
    m_menu->clear();
    if (!m_auth->isSignedIn()) {
        connect(m_menu->addAction(tr("Sign in to save videos…")), &QAction::triggered, this,
                &SaveVideoButton::signInRequested);
        return;
    }
    connect(m_menu->addAction(tr("Save to &Watch later")), &QAction::triggered, this, &SaveVideoButton::saveToWatchLater);
    m_menu->addSection(tr("Add to playlist"));
    QAction *loading = m_menu->addAction(tr("Loading playlists…"));
    loading->setEnabled(false);
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("&New playlist…")), &QAction::triggered, this, &SaveVideoButton::askForNewPlaylist);
    // The first page of playlists is plenty for a menu.
    QPointer<QAction> placeholder = loading;
    m_library->myPlaylists(QString(), PlaylistPageSize, m_menuContext,
                           [this, placeholder](const Core::PlaylistPage &page, const Core::ApiError &error) {
                               if (!placeholder)
                                   return;
                               if (!error.code.isEmpty()) {
                                   placeholder->setText(tr("The playlists could not be loaded"));
                                   return;
                               }
                               int added = 0;
                               for (const Core::PlaylistSummary &playlist : page.items) {
                                   if (playlist.isWatchLater())
                                       continue;
                                   auto *action = new QAction(playlist.title, m_menu);
                                   const QString id = playlist.id;
                                   const QString title = playlist.title;
                                   connect(action, &QAction::triggered, this, [this, id, title] { addToPlaylist(id, title); });
                                   m_menu->insertAction(placeholder, action);
                                   ++added;
                               }
                               if (added == 0)
                                   placeholder->setText(tr("No playlists yet"));
                               else
                                   delete placeholder;
                           });
}

void SaveVideoButton::saveToWatchLater()
{
    if (m_videoId.isEmpty())
        return;
    m_library->addToWatchLater(m_videoId, this, [this](const Core::PlaylistItem &, const Core::ApiError &error) {
        report(tr("Watch later"), error);
    });
}

void SaveVideoButton::addToPlaylist(const QString &playlistId, const QString &title)
{
    if (m_videoId.isEmpty())
        return;
    m_library->addToPlaylist(playlistId, m_videoId, -1, this, [this, title](const Core::PlaylistItem &, const Core::ApiError &error) {
        report(title, error);
    });
}

void SaveVideoButton::askForNewPlaylist()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New playlist"));
    dialog->setLabelText(tr("Name of the new playlist:"));
    dialog->setOkButtonText(tr("Create"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        const QString title = text.trimmed().left(MaxTitleLength);
        if (title.isEmpty())
            return;
        m_library->createPlaylist(title, QString(), QStringLiteral("private"), this,
                                  [this, title](const Core::PlaylistSummary &playlist, const Core::ApiError &error) {
                                      if (!error.code.isEmpty()) {
                                          Q_EMIT saveFinished(tr("The playlist was not created: %1").arg(error.message));
                                          return;
                                      }
                                      addToPlaylist(playlist.id, title);
                                  });
    });
    dialog->open();
}

void SaveVideoButton::report(const QString &title, const Core::ApiError &error)
{
    if (error.code.isEmpty())
        Q_EMIT saveFinished(tr("Saved to “%1”.").arg(title));
    else if (error.code == QLatin1String("already_in_playlist"))
        Q_EMIT saveFinished(tr("The video is already in “%1”.").arg(title));
    else
        Q_EMIT saveFinished(tr("The video was not saved to “%1”: %2").arg(title, error.message));
}

void SaveVideoButton::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QToolButton::changeEvent(event);
}

} // namespace Kinora::App
