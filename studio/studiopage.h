#pragma once

#include <QWidget>

class QLabel;

namespace Kinora::Studio {

// The creator studio's page in the main window. For now it describes the
// tools that will come (upload, transcoding, going live) without offering
// controls that do not work yet.
class StudioPage : public QWidget
{
    Q_OBJECT
public:
    explicit StudioPage(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_heading;
    QLabel *m_description;
};

} // namespace Kinora::Studio
