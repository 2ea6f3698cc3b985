#pragma once

#include "core/media/hlsvariant.h"
#include "core/media/ladderplan.h"
#include "core/media/mediainfo.h"
#include "core/media/transcodeprogress.h"
#include "core/media/transcodesettings.h"

#include <QObject>

#include <atomic>

namespace Kinora::Core {

// Transcodes one input into an HLS ladder folder (master.m3u8, <rendition>/,
// thumbs/, storyboard/). The work happens in a temporary folder next to the
// output and is renamed into place only when complete; failure or cancel
// leaves nothing behind, and the work folder of a killed run is removed by the
// next run to the same output. run() blocks: call it (or start()) on a worker thread,
// never on the GUI thread. cancel() may be called from any thread.
class HlsTranscoder : public QObject
{
    Q_OBJECT

public:
    explicit HlsTranscoder(QObject *parent = nullptr);
    ~HlsTranscoder() override;

    void setInput(const QString &path) { m_input = path; }
    void setOutputDirectory(const QString &path) { m_output = path; }
    void setSettings(const TranscodeSettings &settings) { m_settings = settings; }

    bool run();
    void cancel();

    QString errorString() const { return m_error; }
    bool wasCancelled() const { return m_cancelled.load(); }
    const MediaInfo &mediaInfo() const { return m_info; }
    const LadderPlan &plan() const { return m_plan; }
    const QList<HlsVariant> &variants() const { return m_variants; }

public Q_SLOTS:
    // run() followed by finished(); for QThread::started.
    void start();

Q_SIGNALS:
    void progressed(const Kinora::Core::TranscodeProgress &progress);
    void warningRaised(const QString &message);
    void finished(bool success, const QString &error);

private:
    bool publish(const QString &workDirectory);

    QString m_input;
    QString m_output;
    TranscodeSettings m_settings;
    std::atomic_bool m_cancelled{false};
    QString m_error;
    MediaInfo m_info;
    LadderPlan m_plan;
    QList<HlsVariant> m_variants;
};

} // namespace Kinora::Core
