#include "player/ui/miniplayerwindow.h"

#include <QBoxLayout>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QScreen>

namespace Kinora::Player {

MiniPlayerWindow::MiniPlayerWindow(QWidget *player)
    : QWidget(player, Qt::Tool | Qt::WindowStaysOnTopHint)
    , m_player(player)
{
    setObjectName(QStringLiteral("miniPlayer"));
    setWindowTitle(tr("Mini player"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(240, 135);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

void MiniPlayerWindow::hold(QWidget *video)
{
    m_video = video;
    layout()->addWidget(video);
    video->show();
}

QWidget *MiniPlayerWindow::release()
{
    QWidget *video = m_video;
    m_video.clear();
    if (video)
        layout()->removeWidget(video);
    return video;
}

void MiniPlayerWindow::showAt(const QByteArray &geometry)
{
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QSize size(400, 225);
        resize(size);
        if (const QScreen *screen = m_player->screen()) {
            const QRect area = screen->availableGeometry();
            move(area.right() - size.width() - 24, area.bottom() - size.height() - 24);
        }
    }
    show();
}

void MiniPlayerWindow::closeEvent(QCloseEvent *event)
{
    // The player decides: it takes the video back and hides this window.
    event->ignore();
    Q_EMIT closeRequested();
}

void MiniPlayerWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return;
    }
    // Space, arrows, m, p ...: the same shortcuts as in the full player.
    QKeyEvent copy(event->type(), event->key(), event->modifiers(), event->text(), event->isAutoRepeat(),
                   ushort(event->count()));
    QCoreApplication::sendEvent(m_player, &copy);
    event->setAccepted(copy.isAccepted());
}

} // namespace Kinora::Player
