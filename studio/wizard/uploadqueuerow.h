#pragma once

#include "studio/upload/uploaditem.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;

namespace Kinora::Studio {

class UploadQueue;

// One item of the upload queue: title, stage, progress, speed, time left,
// the error of a failed item, and the actions its stage allows.
class UploadQueueRow : public QFrame
{
    Q_OBJECT
public:
    UploadQueueRow(UploadQueue *queue, const UploadItem &item, QWidget *parent = nullptr);

    qint64 itemId() const { return m_item.id; }
    void setItem(const UploadItem &item);
    const UploadItem &item() const { return m_item; }
    void focusFirstAction();

    static QString stageText(UploadItem::Stage stage);
    static QString speedText(const UploadItem &item);
    static QString etaText(qint64 seconds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    void confirmCancel();

    UploadQueue *m_queue;
    UploadItem m_item;
    QLabel *m_titleLabel;
    QLabel *m_stageLabel;
    QProgressBar *m_progressBar;
    QLabel *m_speedLabel;
    QLabel *m_etaLabel;
    QLabel *m_errorLabel;
    QPushButton *m_pauseButton;
    QPushButton *m_resumeButton;
    QPushButton *m_cancelButton;
    QPushButton *m_retryButton;
    QPushButton *m_removeButton;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace Kinora::Studio
