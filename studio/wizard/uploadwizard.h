#pragma once

#include "studio/upload/uploaditem.h"

#include <QWizard>

namespace Kinora::Core {
class CatalogClient;
}

namespace Kinora::Studio {

class DetailsPage;
class FilePage;
class SummaryPage;
class TranscodePage;

// Asks everything an upload needs: the file (probed locally), where it is
// transcoded, its metadata and thumbnail. Once accepted, request() is what
// the creator chose; the caller hands it to the UploadQueue.
class UploadWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePageId, TranscodePageId, DetailsPageId, SummaryPageId };

    // catalog (may be null) provides the category list.
    explicit UploadWizard(Core::CatalogClient *catalog, QWidget *parent = nullptr);

    // Starts the probe of path, e.g. for a file dropped onto the studio.
    void setFile(const QString &path);
    QString filePath() const;
    UploadRequest request() const;

    FilePage *filePage() const { return m_filePage; }
    TranscodePage *transcodePage() const { return m_transcodePage; }
    DetailsPage *detailsPage() const { return m_detailsPage; }
    SummaryPage *summaryPage() const { return m_summaryPage; }

protected:
    void initializePage(int id) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    FilePage *m_filePage;
    TranscodePage *m_transcodePage;
    DetailsPage *m_detailsPage;
    SummaryPage *m_summaryPage;
};

} // namespace Kinora::Studio
