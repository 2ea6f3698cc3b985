#include "studio/studiopage.h"

#include "core/net/catalogclient.h"
#include "core/net/studioclient.h"
#include "studio/content/contentmanager.h"
#include "studio/upload/uploadqueue.h"
#include "studio/wizard/traynotifier.h"
#include "studio/wizard/uploadqueueview.h"
#include "studio/wizard/uploadwizard.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Kinora::Studio {

namespace {

QStringList localFiles(const QList<QUrl> &urls)
{
    QStringList files;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (QFileInfo(path).isFile())
            files.append(path);
    }
    return files;
}

} // namespace

StudioPage::StudioPage(Core::StudioClient *studio, UploadQueue *queue, QWidget *parent)
    : QWidget(parent)
    , m_studio(studio)
    , m_queue(queue)
    , m_catalog(new Core::CatalogClient(studio->api(), this))
    , m_tabs(new QTabWidget(this))
    , m_uploadsTab(new QWidget(m_tabs))
    , m_heading(new QLabel(m_uploadsTab))
    , m_uploadButton(new QPushButton(m_uploadsTab))
    , m_hintLabel(new QLabel(m_uploadsTab))
    , m_queueView(new UploadQueueView(queue, m_uploadsTab))
    , m_content(new ContentManager(studio, m_tabs))
    , m_notifier(new TrayNotifier(queue, this))
{
    setObjectName(QStringLiteral("studioPage"));
    setAcceptDrops(true);
    m_tabs->setObjectName(QStringLiteral("studioTabs"));
    m_uploadButton->setObjectName(QStringLiteral("uploadButton"));
    m_hintLabel->setObjectName(QStringLiteral("uploadHint"));
    m_hintLabel->setWordWrap(true);

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_uploadButton);
    actions->addWidget(m_hintLabel, 1);
    auto *uploadsLayout = new QVBoxLayout(m_uploadsTab);
    uploadsLayout->addWidget(m_heading);
    uploadsLayout->addLayout(actions);
    uploadsLayout->addWidget(m_queueView, 1);

    m_tabs->addTab(m_uploadsTab, QString());
    m_tabs->addTab(m_content, QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_uploadButton, &QPushButton::clicked, this, [this] { openUploadWizard(); });
    connect(m_queue, &UploadQueue::itemFinished, this, [this](qint64, bool succeeded) {
        if (succeeded && m_signedIn)
            m_content->refresh();
    });
    retranslateUi();
    setSignedIn(false);
}

StudioPage::~StudioPage() = default;

UploadWizard *StudioPage::currentWizard() const
{
    return m_wizard;
}

void StudioPage::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    m_uploadButton->setEnabled(signedIn);
    m_content->setSignedIn(signedIn);
    if (!signedIn) {
        m_pendingFiles.clear();
        if (m_wizard)
            m_wizard->reject();
    }
    retranslateUi();
}

void StudioPage::openUploadWizard(const QString &path)
{
    if (!m_signedIn)
        return;
    if (m_wizard) {
        if (!path.isEmpty())
            m_pendingFiles.append(path);
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_tabs->setCurrentWidget(m_uploadsTab);
    auto *wizard = new UploadWizard(m_catalog, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard = wizard;
    connect(wizard, &QDialog::finished, this, &StudioPage::wizardFinished);
    if (!path.isEmpty())
        wizard->setFile(path);
    wizard->open();
    Q_EMIT uploadWizardOpened(wizard);
}

void StudioPage::wizardFinished(int result)
{
    auto *wizard = qobject_cast<UploadWizard *>(sender());
    if (wizard && result == QDialog::Accepted && m_signedIn) {
        const qint64 id = m_queue->enqueue(wizard->request());
        if (id > 0)
            Q_EMIT uploadQueued(id);
    }
    if (wizard == m_wizard)
        m_wizard.clear();
    // Leave the finished signal before the next wizard opens.
    QMetaObject::invokeMethod(this, &StudioPage::openNextPending, Qt::QueuedConnection);
}

void StudioPage::openNextPending()
{
    if (m_wizard || m_pendingFiles.isEmpty() || !m_signedIn)
        return;
    openUploadWizard(m_pendingFiles.takeFirst());
}

bool StudioPage::acceptsDrop(const QMimeData *mimeData) const
{
    return m_signedIn && mimeData && mimeData->hasUrls() && !localFiles(mimeData->urls()).isEmpty();
}

void StudioPage::dropFiles(const QList<QUrl> &urls)
{
    if (!m_signedIn)
        return;
    const QStringList files = localFiles(urls);
    if (files.isEmpty())
        return;
    m_pendingFiles.append(files);
    openNextPending();
}

void StudioPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void StudioPage::dragMoveEvent(QDragMoveEvent *event)
{
    if (acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void StudioPage::dropEvent(QDropEvent *event)
{
    if (!acceptsDrop(event->mimeData())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    dropFiles(event->mimeData()->urls());
}

void StudioPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StudioPage::retranslateUi()
{
    m_tabs->setTabText(m_tabs->indexOf(m_uploadsTab), tr("Uploads"));
    m_tabs->setTabText(m_tabs->indexOf(m_content), tr("Content"));
    m_uploadButton->setText(tr("&Upload video…"));
    if (m_signedIn) {
        m_heading->setText(tr("Upload videos"));
        m_hintLabel->setText(tr("or drop files here"));
    } else {
        m_heading->setText(tr("Sign in to upload"));
        m_hintLabel->setText(tr("Uploading and managing videos needs a creator account on this server."));
    }
}

} // namespace Kinora::Studio
