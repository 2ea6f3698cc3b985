#pragma once

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class QLabel;
class QMimeData;
class QPushButton;
class QTabWidget;

namespace Kinora::Core {
class CatalogClient;
class StudioClient;
}

namespace Kinora::Studio {

class ContentManager;
class TrayNotifier;
class UploadQueue;
class UploadQueueView;
class UploadWizard;

// The creator studio's page in the main window: "Uploads" (the upload
// wizard, opened by a button or by dropping files, and the queue's progress)
// and "Content" (the creator's videos). Files dropped onto the page, or
// forwarded by the main window, open one wizard after another.
class StudioPage : public QWidget
{
    Q_OBJECT
public:
    StudioPage(Core::StudioClient *studio, UploadQueue *queue, QWidget *parent = nullptr);
    ~StudioPage() override;

    void setSignedIn(bool signedIn);
    bool isSignedIn() const { return m_signedIn; }

    // Opens the upload wizard, probing path when one is given; while a wizard
    // is open, path waits for its turn.
    void openUploadWizard(const QString &path = {});
    bool acceptsDrop(const QMimeData *mimeData) const;
    void dropFiles(const QList<QUrl> &urls);

    UploadWizard *currentWizard() const;
    UploadQueueView *queueView() const { return m_queueView; }
    ContentManager *contentManager() const { return m_content; }
    TrayNotifier *trayNotifier() const { return m_notifier; }
    QStringList pendingFiles() const { return m_pendingFiles; }

Q_SIGNALS:
    void uploadWizardOpened(Kinora::Studio::UploadWizard *wizard);
    // The creator finished the wizard and the queue took the upload (id > 0).
    void uploadQueued(qint64 id);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslateUi();
    void wizardFinished(int result);
    void openNextPending();

    Core::StudioClient *m_studio;
    UploadQueue *m_queue;
    Core::CatalogClient *m_catalog;
    QTabWidget *m_tabs;
    QWidget *m_uploadsTab;
    QLabel *m_heading;
    QPushButton *m_uploadButton;
    QLabel *m_hintLabel;
    UploadQueueView *m_queueView;
    ContentManager *m_content;
    TrayNotifier *m_notifier;
    QPointer<UploadWizard> m_wizard;
    QStringList m_pendingFiles;
    bool m_signedIn = false;
};

} // namespace Kinora::Studio
