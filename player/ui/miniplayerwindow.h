#pragma once

#include <QPointer>
#include <QWidget>

namespace Kinora::Player {

// A small always-on-top tool window that holds the player's video while the
// viewer works elsewhere. It only hosts what it is given: keys go back to
// the player, and closing it (or Esc) asks the player to take the video back.
class MiniPlayerWindow : public QWidget
{
    Q_OBJECT

public:
    explicit MiniPlayerWindow(QWidget *player);

    void hold(QWidget *video);
    QWidget *video() const { return m_video; }
    QWidget *release(); // the video, out of the layout; the caller reparents it
    // Shows the window with a saveGeometry() from an earlier time, or small
    // in the bottom right corner of the screen.
    void showAt(const QByteArray &geometry);

Q_SIGNALS:
    void closeRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *m_player;
    QPointer<QWidget> m_video;
};

} // namespace Kinora::Player
