#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace Kinora::Studio {

class UploadQueue;

// Tells the creator when an upload is ready or failed: a system tray message
// where the desktop has a tray, otherwise only remembered (lastMessage()).
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(UploadQueue *queue, QObject *parent = nullptr);

    QString lastMessage() const { return m_lastMessage; }
    bool usesSystemTray() const;

    void notify(const QString &title, bool succeeded, const QString &reason);

Q_SIGNALS:
    void notified(const QString &message, bool succeeded);

private:
    void handleFinished(qint64 id, bool succeeded, const QString &message);

    UploadQueue *m_queue;
    QSystemTrayIcon *m_trayIcon = nullptr;
    QString m_lastMessage;
};

} // namespace Kinora::Studio
