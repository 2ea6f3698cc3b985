#pragma once

#include "core/net/playbacksession.h"

#include <QDialog>
#include <QList>

class QListWidget;
class QPushButton;

namespace Kinora::Player {

// Shown when the server refused a stream because the account already plays
// on as many devices as it may: lists those sessions (device, video, last
// heartbeat) and lets the viewer stop one to watch here instead.
class StreamLimitDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StreamLimitDialog(const QList<Core::ActivePlaybackSession> &sessions, QWidget *parent = nullptr);

    QString chosenSessionId() const { return m_chosen; }
    void choose(int row); // as if the row was selected and "Stop and watch here" clicked

Q_SIGNALS:
    void stopRequested(const QString &sessionId);

private:
    QList<Core::ActivePlaybackSession> m_sessions;
    QListWidget *m_list;
    QPushButton *m_stopButton;
    QString m_chosen;
};

} // namespace Kinora::Player
