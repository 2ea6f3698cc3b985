#include "player/ui/streamlimitdialog.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>

namespace Kinora::Player {

StreamLimitDialog::StreamLimitDialog(const QList<Core::ActivePlaybackSession> &sessions, QWidget *parent)
    : QDialog(parent)
    , m_sessions(sessions)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Too many streams"));
    auto *text = new QLabel(sessions.isEmpty()
                                ? tr("Too many videos are playing from this network. Try again later.")
                                : tr("Your account is already playing on as many devices as it may. "
                                     "Stop one of them to watch here."),
                            this);
    text->setWordWrap(true);
    const QLocale locale;
    for (const Core::ActivePlaybackSession &session : sessions) {
        const QString device = session.deviceName.isEmpty() ? session.deviceId : session.deviceName;
        const QDateTime seen = session.lastHeartbeatAt.isValid() ? session.lastHeartbeatAt : session.startedAt;
        m_list->addItem(seen.isValid()
                            ? tr("%1 — last active %2").arg(device, locale.toString(seen.toLocalTime(), QLocale::ShortFormat))
                            : device);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_stopButton = buttons->addButton(tr("Stop and watch here"), QDialogButtonBox::AcceptRole);
    m_stopButton->setEnabled(false);
    m_list->setVisible(!sessions.isEmpty());
    m_stopButton->setVisible(!sessions.isEmpty());
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_stopButton->setEnabled(row >= 0); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { choose(m_list->currentRow()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { choose(m_list->currentRow()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    if (!sessions.isEmpty())
        m_list->setCurrentRow(0);
}

void StreamLimitDialog::choose(int row)
{
    if (row < 0 || row >= m_sessions.size())
        return;
    m_chosen = m_sessions.at(row).sessionId;
    Q_EMIT stopRequested(m_chosen);
    accept();
}

} // namespace Kinora::Player
