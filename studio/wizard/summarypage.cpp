#include "studio/wizard/summarypage.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Kinora::Studio {

SummaryPage::SummaryPage(QWidget *parent)
    : QWizardPage(parent)
    , m_summary(new QLabel(this))
{
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    retranslateUi();
}

void SummaryPage::showRequest(const UploadRequest &request, const QString &mediaDescription)
{
    m_request = request;
    m_mediaDescription = mediaDescription;
    retranslateUi();
}

QString SummaryPage::summaryText() const
{
    return m_summary->text();
}

void SummaryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizardPage::changeEvent(event);
}

void SummaryPage::retranslateUi()
{
    setTitle(tr("Summary"));
    setSubTitle(tr("The upload runs in the background; you can follow it under Uploads."));
    const Core::VideoDraft &draft = m_request.metadata;
    const auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(name, value.toHtmlEscaped());
    };
    QString visibility = tr("Public");
    if (draft.visibility == QLatin1String("unlisted"))
        visibility = tr("Unlisted");
    else if (draft.visibility == QLatin1String("private"))
        visibility = tr("Private");
    QString thumbnail = tr("Chosen by the server");
    if (draft.thumbnail == QLatin1String("custom"))
        thumbnail = tr("Custom image %1").arg(QFileInfo(m_request.customThumbnailPath).fileName());
    else if (draft.thumbnail)
        thumbnail = tr("Frame at %1 %").arg(25 * (draft.thumbnail->toInt() + 1));

    QString html = QStringLiteral("<table>");
    html += row(tr("File"), QDir::toNativeSeparators(m_request.filePath));
    if (!m_mediaDescription.isEmpty())
        html += row(QString(), m_mediaDescription);
    html += row(tr("Transcoding"), m_request.mode == UploadRequest::Mode::TranscodeHere
                                       ? tr("On this computer, then the quality ladder is uploaded")
                                       : tr("On the server, after the original file is uploaded"));
    html += row(tr("Title"), draft.title.value_or(QString()));
    if (draft.description)
        html += row(tr("Description"), draft.description->section(QLatin1Char('\n'), 0, 0));
    if (draft.tags)
        html += row(tr("Tags"), draft.tags->join(QStringLiteral(", ")));
    html += row(tr("Category"), draft.category.value_or(tr("None")));
    html += row(tr("Visibility"), visibility);
    if (draft.scheduledAt)
        html += row(tr("Published"),
                    QLocale().toString(draft.scheduledAt->toLocalTime(), QLocale::LongFormat));
    html += row(tr("Thumbnail"), thumbnail);
    html += QStringLiteral("</table>");
    m_summary->setText(html);
}

} // namespace Kinora::Studio
