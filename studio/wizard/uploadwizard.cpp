#include "studio/wizard/uploadwizard.h"

#include "studio/wizard/detailspage.h"
#include "studio/wizard/filepage.h"
#include "studio/wizard/summarypage.h"
#include "studio/wizard/transcodepage.h"

#include <QEvent>

namespace Kinora::Studio {

UploadWizard::UploadWizard(Core::CatalogClient *catalog, QWidget *parent)
    : QWizard(parent)
    , m_filePage(new FilePage(this))
    , m_transcodePage(new TranscodePage(this))
    , m_detailsPage(new DetailsPage(catalog, this))
    , m_summaryPage(new SummaryPage(this))
{
    setObjectName(QStringLiteral("uploadWizard"));
    setPage(FilePageId, m_filePage);
    setPage(TranscodePageId, m_transcodePage);
    setPage(DetailsPageId, m_detailsPage);
    setPage(SummaryPageId, m_summaryPage);
    setStartId(FilePageId);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoDefaultButton, false);
    retranslateUi();
}

void UploadWizard::setFile(const QString &path)
{
    m_filePage->setFile(path);
}

QString UploadWizard::filePath() const
{
    return m_filePage->filePath();
}

UploadRequest UploadWizard::request() const
{
    UploadRequest request;
    request.filePath = m_filePage->filePath();
    request.mode = m_transcodePage->mode();
    request.metadata = m_detailsPage->draft();
    if (request.metadata.thumbnail == QLatin1String("custom"))
        request.customThumbnailPath = m_detailsPage->customThumbnailPath();
    return request;
}

void UploadWizard::initializePage(int id)
{
    if (id == DetailsPageId) {
        m_detailsPage->setSourceFile(m_filePage->filePath());
    } else if (id == SummaryPageId) {
        const auto info = m_filePage->mediaInfo();
        m_summaryPage->showRequest(request(), info ? FilePage::describe(*info) : QString());
    }
    QWizard::initializePage(id);
}

void UploadWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void UploadWizard::retranslateUi()
{
    setWindowTitle(tr("Upload Video"));
    setButtonText(QWizard::FinishButton, tr("&Upload"));
}

} // namespace Kinora::Studio
