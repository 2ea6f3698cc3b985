#pragma once

#include "core/media/mediainfo.h"

#include <QFutureWatcher>
#include <QWizardPage>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Kinora::Studio {

// First page of the upload wizard: the creator picks a file (dialog, typed
// path or a drop), which is probed on a worker thread; the page is complete
// only once the probe accepted the file as a video.
class FilePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit FilePage(QWidget *parent = nullptr);
    ~FilePage() override;

    void setFile(const QString &path);
    QString filePath() const;
    // The probe's findings for filePath(), once accepted.
    std::optional<Core::MediaInfo> mediaInfo() const;
    bool isProbing() const;

    bool isComplete() const override;
    void initializePage() override;

    // One line describing a probed file, e.g. "1920×1080 H.264, 60 s, stereo AAC".
    static QString describe(const Core::MediaInfo &info);

Q_SIGNALS:
    void probeFinished(bool accepted);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct ProbeResult
    {
        QString path;
        std::optional<Core::MediaInfo> info;
        QString error;
    };

    void retranslateUi();
    void browse();
    void startProbe();
    void showResult();
    void updateVerdict();

    QLineEdit *m_pathEdit;
    QPushButton *m_browseButton;
    QLabel *m_promptLabel;
    QLabel *m_verdictLabel;
    QTimer *m_probeDelay;
    QFutureWatcher<ProbeResult> m_watcher;
    QString m_probedPath;
    QString m_pendingPath;
    std::optional<Core::MediaInfo> m_info;
    QString m_error;
    bool m_probing = false;
};

} // namespace Kinora::Studio
