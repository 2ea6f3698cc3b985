#include "studio/wizard/transcodepage.h"

#include <QEvent>
#include <QLabel>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Kinora::Studio {

TranscodePage::TranscodePage(QWidget *parent)
    : QWizardPage(parent)
    , m_hereRadio(new QRadioButton(this))
    , m_hereHint(new QLabel(this))
    , m_serverRadio(new QRadioButton(this))
    , m_serverHint(new QLabel(this))
{
    m_hereRadio->setObjectName(QStringLiteral("transcodeHereRadio"));
    m_serverRadio->setObjectName(QStringLiteral("serverTranscodeRadio"));
    m_hereRadio->setChecked(true);
    const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
                       + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    for (QLabel *hint : {m_hereHint, m_serverHint}) {
        hint->setWordWrap(true);
        hint->setContentsMargins(indent, 0, 0, 0);
        hint->setForegroundRole(QPalette::PlaceholderText);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hereRadio);
    layout->addWidget(m_hereHint);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_serverRadio);
    layout->addWidget(m_serverHint);
    layout->addStretch(1);
    retranslateUi();
}

UploadRequest::Mode TranscodePage::mode() const
{
    return m_serverRadio->isChecked() ? UploadRequest::Mode::ServerTranscodes : UploadRequest::Mode::TranscodeHere;
}

void TranscodePage::setMode(UploadRequest::Mode mode)
{
    (mode == UploadRequest::Mode::ServerTranscodes ? m_serverRadio : m_hereRadio)->setChecked(true);
}

void TranscodePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void TranscodePage::retranslateUi()
{
    setTitle(tr("Transcoding"));
    setSubTitle(tr("Viewers get the video in several qualities. Choose where they are made."));
    m_hereRadio->setText(tr("&Transcode on this computer (recommended)"));
    m_hereHint->setText(tr("Uses this computer's processor for a while, but uploads less and the video is ready "
                           "as soon as the upload ends."));
    m_serverRadio->setText(tr("Let the &server transcode"));
    m_serverHint->setText(tr("Sends the original file, which can take much longer to upload, and the video waits "
                             "for the server's turn before it is ready."));
}

} // namespace Kinora::Studio
