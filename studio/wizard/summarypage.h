#pragma once

#include "studio/upload/uploaditem.h"

#include <QWizardPage>

class QLabel;

namespace Kinora::Studio {

// Last page of the upload wizard: what will happen when the creator finishes.
class SummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SummaryPage(QWidget *parent = nullptr);

    // mediaDescription: the probe's one-line description of the file.
    void showRequest(const UploadRequest &request, const QString &mediaDescription);
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_summary;
    UploadRequest m_request;
    QString m_mediaDescription;
};

} // namespace Kinora::Studio
