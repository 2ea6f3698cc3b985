#include "studio/wizard/filepage.h"

#include "core/media/mediaprobe.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace Kinora::Studio {

namespace {

QString codecName(const QString &codec)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("h264"), QStringLiteral("H.264")}, {QStringLiteral("hevc"), QStringLiteral("HEVC")},
        {QStringLiteral("vp8"), QStringLiteral("VP8")},    {QStringLiteral("vp9"), QStringLiteral("VP9")},
        {QStringLiteral("av1"), QStringLiteral("AV1")},    {QStringLiteral("mpeg4"), QStringLiteral("MPEG-4")},
        {QStringLiteral("mpeg2video"), QStringLiteral("MPEG-2")}, {QStringLiteral("prores"), QStringLiteral("ProRes")},
        {QStringLiteral("aac"), QStringLiteral("AAC")},    {QStringLiteral("mp3"), QStringLiteral("MP3")},
        {QStringLiteral("opus"), QStringLiteral("Opus")},  {QStringLiteral("vorbis"), QStringLiteral("Vorbis")},
        {QStringLiteral("flac"), QStringLiteral("FLAC")},  {QStringLiteral("ac3"), QStringLiteral("AC-3")},
        {QStringLiteral("eac3"), QStringLiteral("E-AC-3")},
    };
    return names.value(codec, codec.toUpper());
}

QString durationText(double seconds)
{
    const qint64 total = qint64(std::llround(seconds));
    if (total < 60)
        return FilePage::tr("%n s", nullptr, int(total));
    const qint64 hours = total / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 rest = total % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(rest, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
}

// Demuxers that read any text as a picture; a text file is not a video to upload.
bool isTextRenderer(const Core::MediaInfo &info)
{
    return info.container == QLatin1String("tty") || (info.hasVideo() && info.video().codec == QLatin1String("ansi"));
}

} // namespace

FilePage::FilePage(QWidget *parent)
    : QWizardPage(parent)
    , m_pathEdit(new QLineEdit(this))
    , m_browseButton(new QPushButton(this))
    , m_promptLabel(new QLabel(this))
    , m_verdictLabel(new QLabel(this))
    , m_probeDelay(new QTimer(this))
{
    m_pathEdit->setObjectName(QStringLiteral("filePathEdit"));
    m_pathEdit->setClearButtonEnabled(true);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    m_verdictLabel->setObjectName(QStringLiteral("verdictLabel"));
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_promptLabel->setWordWrap(true);
    m_promptLabel->setBuddy(m_pathEdit);
    m_probeDelay->setSingleShot(true);
    m_probeDelay->setInterval(300);

    auto *row = new QHBoxLayout;
    row->addWidget(m_pathEdit, 1);
    row->addWidget(m_browseButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_promptLabel);
    layout->addLayout(row);
    layout->addWidget(m_verdictLabel);
    layout->addStretch(1);
    setTabOrder(m_pathEdit, m_browseButton);

    connect(m_browseButton, &QPushButton::clicked, this, &FilePage::browse);
    connect(m_pathEdit, &QLineEdit::textChanged, this, [this] {
        m_info.reset();
        m_error.clear();
        m_probedPath.clear();
        m_probeDelay->start();
        updateVerdict();
        Q_EMIT completeChanged();
    });
    connect(m_probeDelay, &QTimer::timeout, this, &FilePage::startProbe);
    connect(&m_watcher, &QFutureWatcher<ProbeResult>::finished, this, &FilePage::showResult);
    retranslateUi();
}

// A probe still running owns its data and ends within MediaLimits::probeTimeoutMs.
FilePage::~FilePage() = default;

void FilePage::setFile(const QString &path)
{
    m_pathEdit->setText(QDir::toNativeSeparators(path));
    m_probeDelay->stop();
    startProbe();
}

QString FilePage::filePath() const
{
    return QDir::fromNativeSeparators(m_pathEdit->text().trimmed());
}

std::optional<Core::MediaInfo> FilePage::mediaInfo() const
{
    return m_probedPath == filePath() ? m_info : std::nullopt;
}

bool FilePage::isProbing() const
{
    return m_probeDelay->isActive() || m_probing;
}

bool FilePage::isComplete() const
{
    return !isProbing() && mediaInfo().has_value();
}

void FilePage::initializePage()
{
    m_pathEdit->setFocus();
}

QString FilePage::describe(const Core::MediaInfo &info)
{
    QStringList parts;
    if (info.hasVideo()) {
        const Core::VideoStreamInfo &video = info.video();
        parts.append(tr("%1×%2 %3").arg(video.displayWidth()).arg(video.displayHeight()).arg(codecName(video.codec)));
    }
    if (info.durationSeconds > 0.0)
        parts.append(durationText(info.durationSeconds));
    if (info.hasAudio()) {
        const Core::AudioStreamInfo &audio = info.audio();
        const QString layout = !audio.layout.isEmpty() ? audio.layout : tr("%n channel(s)", nullptr, audio.channels);
        parts.append(tr("%1 %2").arg(layout, codecName(audio.codec)));
    } else {
        parts.append(tr("no sound"));
    }
    return parts.join(QStringLiteral(", "));
}

void FilePage::browse()
{
    QString start = QFileInfo(filePath()).absolutePath();
    if (filePath().isEmpty())
        start = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    auto *dialog = new QFileDialog(this, tr("Choose a video"), start,
                                   tr("Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.ts *.mts *.flv *.wmv *.mpg *.mpeg);;"
                                      "All files (*)"));
    dialog->setObjectName(QStringLiteral("fileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &FilePage::setFile);
    dialog->open();
}

void FilePage::startProbe()
{
    const QString path = filePath();
    m_info.reset();
    m_error.clear();
    m_probedPath.clear();
    if (path.isEmpty()) {
        m_probing = false;
        updateVerdict();
        Q_EMIT completeChanged();
        return;
    }
    m_probing = true;
    m_watcher.setFuture(QtConcurrent::run([path] {
        ProbeResult result;
        result.path = path;
        Core::MediaProbe probe;
        result.info = probe.probe(path);
        if (!result.info) {
            result.error = probe.errorString();
        } else if (!result.info->hasVideo() || isTextRenderer(*result.info)) {
            result.info.reset();
            result.error = tr("%1: not a media file with a video stream").arg(QDir::toNativeSeparators(path));
        } else if (result.info->durationSeconds <= 0.0) {
            result.info.reset();
            result.error = tr("%1: the duration is unknown").arg(QDir::toNativeSeparators(path));
        }
        return result;
    }));
    updateVerdict();
    Q_EMIT completeChanged();
}

void FilePage::showResult()
{
    const ProbeResult result = m_watcher.result();
    if (result.path != filePath() || m_probeDelay->isActive())
        return;   // the path changed meanwhile; a newer probe follows
    m_probing = false;
    m_probedPath = result.path;
    m_info = result.info;
    m_error = result.error;
    updateVerdict();
    Q_EMIT completeChanged();
    Q_EMIT probeFinished(m_info.has_value());
}

void FilePage::updateVerdict()
{
    if (filePath().isEmpty())
        m_verdictLabel->setText(tr("Choose a video file, or drop one onto the studio."));
    else if (isProbing())
        m_verdictLabel->setText(tr("Checking the file…"));
    else if (m_info)
        m_verdictLabel->setText(tr("%1 — ready to upload").arg(describe(*m_info)));
    else if (!m_error.isEmpty())
        m_verdictLabel->setText(tr("Cannot upload this file: %1").arg(m_error));
    else
        m_verdictLabel->clear();
}

void FilePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void FilePage::retranslateUi()
{
    setTitle(tr("File"));
    setSubTitle(tr("Choose the video to upload. It is checked on this computer first."));
    m_promptLabel->setText(tr("&Video file:"));
    m_browseButton->setText(tr("&Browse…"));
    m_pathEdit->setPlaceholderText(tr("Path of a video file"));
    updateVerdict();
}

} // namespace Kinora::Studio
