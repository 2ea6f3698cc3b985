#pragma once

#include <QObject>
#include <QSet>
#include <QThread>

#include <functional>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace Kinora::Studio {

// Runs blocking work (probing, transcoding, packaging) on short-lived threads
// and hands each result back on the owner's thread. The destructor waits for
// the threads still running, so the work must be told to stop first.
// The threads run at a lower CPU priority (nice 10; the encoder threads they
// start inherit it), so a transcode using every core leaves the GUI thread
// its turn.
class WorkerThreads
{
public:
    explicit WorkerThreads(QObject *owner)
        : m_owner(owner)
    {
    }
    ~WorkerThreads()
    {
        for (QThread *thread : std::as_const(m_threads)) {
            thread->wait();
            delete thread;
        }
    }
    WorkerThreads(const WorkerThreads &) = delete;
    WorkerThreads &operator=(const WorkerThreads &) = delete;

    template<typename Result>
    void run(std::function<Result()> work, std::function<void(const Result &)> done)
    {
        auto result = std::make_shared<Result>();
        QThread *thread = QThread::create([result, work = std::move(work)] {
            lowerPriority();
            *result = work();
        });
        m_threads.insert(thread);
        QObject::connect(thread, &QThread::finished, m_owner, [this, thread, result, done = std::move(done)] {
            m_threads.remove(thread);
            thread->deleteLater();
            done(*result);
        });
        thread->start();
    }

private:
    static void lowerPriority()
    {
#ifdef Q_OS_LINUX
        // Linux keeps the nice value per thread: this one and those it creates.
        (void)::setpriority(PRIO_PROCESS, id_t(::gettid()), 10);
#endif
    }

    QObject *m_owner;
    QSet<QThread *> m_threads;
};

} // namespace Kinora::Studio
