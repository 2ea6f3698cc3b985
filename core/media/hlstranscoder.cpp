#include "core/media/hlstranscoder.h"

#include "core/media/partialoutputdirectory.h"
#include "core/media/transcodejob.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QUuid>

namespace Kinora::Core {

HlsTranscoder::HlsTranscoder(QObject *parent)
    : QObject(parent)
{
}

HlsTranscoder::~HlsTranscoder() = default;

void HlsTranscoder::cancel()
{
    m_cancelled.store(true);
}

void HlsTranscoder::start()
{
    const bool ok = run();
    Q_EMIT finished(ok, m_error);
}

bool HlsTranscoder::run()
{
    m_error.clear();
    m_variants.clear();
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread() && app->inherits("QGuiApplication")) {
        m_error = tr("Transcoding must not run on the GUI thread.");
        return false;
    }
    if (m_input.isEmpty() || m_output.isEmpty()) {
        m_error = tr("An input file and an output folder are required.");
        return false;
    }
    const QFileInfo output(m_output);
    const QString parent = output.absolutePath();
    if (!QDir().mkpath(parent)) {
        m_error = tr("%1: the folder cannot be created").arg(QDir::toNativeSeparators(parent));
        return false;
    }
    // Work folders of transcodes to this output that were killed outright.
    const int stale = PartialOutputDirectory::removeStale(output.absoluteFilePath());
    if (stale > 0)
        Q_EMIT warningRaised(tr("Removed %n work folder(s) left by an interrupted transcode.", nullptr, stale));
    PartialOutputDirectory work(output.absoluteFilePath());
    if (!work.isValid()) {
        m_error = tr("%1: no temporary folder can be created there: %2").arg(QDir::toNativeSeparators(parent), work.errorString());
        return false;
    }

    bool ok = false;
    TranscodeProgress last;
    {
        TranscodeJob job(m_input, work.path(), m_settings, &m_cancelled);
        job.setProgressCallback([this, &last](const TranscodeProgress &progress) {
            last = progress;
            Q_EMIT progressed(progress);
        });
        job.setWarningCallback([this](const QString &warning) { Q_EMIT warningRaised(warning); });
        ok = job.run();
        m_info = job.mediaInfo();
        m_plan = job.plan();
        m_variants = job.variants();
        if (!ok)
            m_error = job.errorString();
    }
    if (ok && m_cancelled.load()) {
        ok = false;
        m_error = tr("cancelled");
    }
    if (ok) {
        work.prepareToPublish();
        ok = publish(work.path());
    }
    if (ok) {
        work.setPublished();
        TranscodeProgress done = last;   // keeps the measured fps and speed
        done.percent = 100.0;
        done.durationSeconds = m_info.durationSeconds;
        done.positionSeconds = m_info.durationSeconds;
        done.etaSeconds = 0.0;
        Q_EMIT progressed(done);
    }
    return ok;
}

bool HlsTranscoder::publish(const QString &workDirectory)
{
    QFile::setPermissions(workDirectory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                             | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const QString target = QFileInfo(m_output).absoluteFilePath();
    QString previous;
    if (QFileInfo::exists(target)) {
        previous = target + QStringLiteral(".old-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        if (!QDir().rename(target, previous)) {
            m_error = tr("%1: the existing folder cannot be replaced").arg(QDir::toNativeSeparators(target));
            return false;
        }
    }
    if (!QDir().rename(workDirectory, target)) {
        if (!previous.isEmpty())
            QDir().rename(previous, target);
        m_error = tr("%1: the finished ladder cannot be moved into place").arg(QDir::toNativeSeparators(target));
        return false;
    }
    if (!previous.isEmpty())
        QDir(previous).removeRecursively();
    return true;
}

} // namespace Kinora::Core
