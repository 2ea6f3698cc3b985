#pragma once

#include "studio/upload/uploaditem.h"

#include <QWizardPage>

class QLabel;
class QRadioButton;

namespace Kinora::Studio {

// Second page of the upload wizard: where the quality ladder is made.
class TranscodePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit TranscodePage(QWidget *parent = nullptr);

    UploadRequest::Mode mode() const;
    void setMode(UploadRequest::Mode mode);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QRadioButton *m_hereRadio;
    QLabel *m_hereHint;
    QRadioButton *m_serverRadio;
    QLabel *m_serverHint;
};

} // namespace Kinora::Studio
