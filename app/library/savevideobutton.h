#pragma once

#include "core/net/playlistsummary.h"

#include <QPointer>
#include <QToolButton>

class QMenu;

namespace Kinora::Core {
class AuthService;
class LibraryClient;
struct ApiError;
}

namespace Kinora::App {

// "Save" on the watch page: a menu to put the video into Watch later or
// into one of the viewer's playlists (listed when the menu opens), or into
// a new one. Signed-out viewers are asked to sign in instead.
class SaveVideoButton : public QToolButton
{
    Q_OBJECT
public:
    SaveVideoButton(Core::LibraryClient *library, Core::AuthService *auth, QWidget *parent = nullptr);

    void setVideoId(const QString &videoId);
    QString videoId() const { return m_videoId; }

    void saveToWatchLater();
    void addToPlaylist(const QString &playlistId, const QString &title);
    void askForNewPlaylist();

Q_SIGNALS:
    // A sentence for the status bar: saved, or why not.
    void saveFinished(const QString &message);
    void signInRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillMenu();
    void report(const QString &title, const Core::ApiError &error);

    Core::LibraryClient *m_library;
    Core::AuthService *m_auth;
    QMenu *m_menu;
    QPointer<QObject> m_menuContext; // replaced each time the menu opens
    QString m_videoId;
};

} // namespace Kinora::App
