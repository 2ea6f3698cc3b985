#include "studio/wizard/traynotifier.h"

#include "studio/upload/uploadqueue.h"

#include <QApplication>
#include <QFileInfo>
#include <QStyle>
#include <QSystemTrayIcon>

namespace Kinora::Studio {

TrayNotifier::TrayNotifier(UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
{
    connect(m_queue, &UploadQueue::itemFinished, this, &TrayNotifier::handleFinished);
}

bool TrayNotifier::usesSystemTray() const
{
    return qobject_cast<QApplication *>(QCoreApplication::instance()) && QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayNotifier::handleFinished(qint64 id, bool succeeded, const QString &message)
{
    QString title;
    if (const auto item = m_queue->item(id)) {
        title = item->request.metadata.title.value_or(QString());
        if (title.isEmpty())
            title = QFileInfo(item->request.filePath).fileName();
    }
    notify(title, succeeded, message);
}

void TrayNotifier::notify(const QString &title, bool succeeded, const QString &reason)
{
    if (succeeded)
        m_lastMessage = tr("“%1” is ready").arg(title);
    else if (reason.isEmpty())
        m_lastMessage = tr("“%1” failed").arg(title);
    else
        m_lastMessage = tr("“%1” failed: %2").arg(title, reason);

    if (usesSystemTray()) {
        if (!m_trayIcon) {
            QIcon icon = QApplication::windowIcon();
            if (icon.isNull())
                icon = QApplication::style()->standardIcon(QStyle::SP_ArrowUp);
            m_trayIcon = new QSystemTrayIcon(icon, this);
            m_trayIcon->setToolTip(tr("Kinora uploads"));
        }
        m_trayIcon->show();
        m_trayIcon->showMessage(succeeded ? tr("Upload finished") : tr("Upload failed"), m_lastMessage,
                                succeeded ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning);
    }
    Q_EMIT notified(m_lastMessage, succeeded);
}

} // namespace Kinora::Studio
