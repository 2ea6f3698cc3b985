#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace Kinora::Server {

// Turns POSIX signals (SIGTERM, SIGINT) into a Qt signal on the thread that
// owns the watcher: the handler only writes the signal number into a
// socketpair, which a QSocketNotifier reads (the self-pipe trick).
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    void readSignal();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Kinora::Server
