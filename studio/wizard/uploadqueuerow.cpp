#include "studio/wizard/uploadqueuerow.h"

#include "studio/upload/uploadqueue.h"

#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>
#include <cmath>

namespace Kinora::Studio {

UploadQueueRow::UploadQueueRow(UploadQueue *queue, const UploadItem &item, QWidget *parent)
    : QFrame(parent)
    , m_queue(queue)
    , m_item(item)
    , m_titleLabel(new QLabel(this))
    , m_stageLabel(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_speedLabel(new QLabel(this))
    , m_etaLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_pauseButton(new QPushButton(this))
    , m_resumeButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_retryButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("uploadRow%1").arg(item.id));
    setFrameShape(QFrame::StyledPanel);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_stageLabel->setObjectName(QStringLiteral("stageLabel"));
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setRange(0, 1000);
    m_speedLabel->setObjectName(QStringLiteral("speedLabel"));
    m_etaLabel->setObjectName(QStringLiteral("etaLabel"));
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errorLabel->setPalette(palette);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_resumeButton->setObjectName(QStringLiteral("resumeButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_removeButton->setObjectName(QStringLiteral("removeButton"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton *button : {m_pauseButton, m_resumeButton, m_retryButton, m_cancelButton, m_removeButton}) {
        button->setAutoDefault(false);
        button->setFocusPolicy(Qt::StrongFocus);
        buttons->addWidget(button);
    }
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_titleLabel, 0, 0, 1, 3);
    layout->addWidget(m_stageLabel, 0, 3, Qt::AlignRight);
    layout->addWidget(m_progressBar, 1, 0, 1, 4);
    layout->addWidget(m_speedLabel, 2, 0);
    layout->addWidget(m_etaLabel, 2, 1);
    layout->addLayout(buttons, 2, 2, 1, 2);
    layout->addWidget(m_errorLabel, 3, 0, 1, 4);
    layout->setColumnStretch(2, 1);

    const qint64 id = item.id;
    connect(m_pauseButton, &QPushButton::clicked, this, [this, id] { m_queue->pause(id); });
    connect(m_resumeButton, &QPushButton::clicked, this, [this, id] { m_queue->resume(id); });
    connect(m_retryButton, &QPushButton::clicked, this, [this, id] { m_queue->retry(id); });
    connect(m_removeButton, &QPushButton::clicked, this, [this, id] { m_queue->remove(id); });
    connect(m_cancelButton, &QPushButton::clicked, this, &UploadQueueRow::confirmCancel);
    retranslateUi();
}

void UploadQueueRow::setItem(const UploadItem &item)
{
    m_item = item;
    updateState();
}

QString UploadQueueRow::stageText(UploadItem::Stage stage)
{
    switch (stage) {
    case UploadItem::Stage::Queued:
        return tr("Waiting");
    case UploadItem::Stage::Transcoding:
        return tr("Transcoding");
    case UploadItem::Stage::Packaging:
        return tr("Packaging");
    case UploadItem::Stage::Uploading:
        return tr("Uploading");
    case UploadItem::Stage::Paused:
        return tr("Paused");
    case UploadItem::Stage::Processing:
        return tr("Processing on the server");
    case UploadItem::Stage::Done:
        return tr("Done");
    case UploadItem::Stage::Failed:
        return tr("Failed");
    case UploadItem::Stage::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString UploadQueueRow::speedText(const UploadItem &item)
{
    if (item.speed <= 0.0)
        return {};
    if (item.stage == UploadItem::Stage::Transcoding)
        return tr("%1× realtime").arg(item.speed, 0, 'f', item.speed < 10.0 ? 1 : 0);
    if (item.stage == UploadItem::Stage::Uploading)
        return tr("%1 MB/s").arg(item.speed / 1e6, 0, 'f', item.speed < 10e6 ? 1 : 0);
    return {};
}

QString UploadQueueRow::etaText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("%n s left", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%1:%2 left").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1:%2:%3 left")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

void UploadQueueRow::focusFirstAction()
{
    for (QPushButton *button : {m_pauseButton, m_resumeButton, m_retryButton, m_cancelButton, m_removeButton}) {
        if (button->isVisibleTo(this)) {
            button->setFocus(Qt::TabFocusReason);
            return;
        }
    }
}

void UploadQueueRow::confirmCancel()
{
    if (m_confirmation)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Cancel Upload"),
                                tr("Stop uploading “%1”? What was sent so far is discarded.").arg(m_titleLabel->text()),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("cancelConfirmation"));
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)->setText(tr("Stop Upload"));
    box->button(QMessageBox::No)->setText(tr("Keep Uploading"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = m_item.id;
    connect(box, &QMessageBox::finished, this, [this, box, id](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            m_queue->cancel(id);
    });
    m_confirmation = box;
    box->open();
}

void UploadQueueRow::updateState()
{
    using Stage = UploadItem::Stage;
    const Stage stage = m_item.stage;
    QString title = m_item.request.metadata.title.value_or(QString());
    if (title.isEmpty())
        title = QFileInfo(m_item.request.filePath).fileName();
    m_titleLabel->setText(title);
    m_titleLabel->setToolTip(m_item.request.filePath);

    QString stageLabel = stageText(stage);
    if (stage == Stage::Paused)
        stageLabel = tr("Paused while %1").arg(stageText(m_item.pausedStage).toLower());
    m_stageLabel->setText(stageLabel);

    const bool waiting = stage == Stage::Queued || (stage == Stage::Processing && m_item.percent <= 0.0);
    if (waiting && stage == Stage::Processing) {
        m_progressBar->setRange(0, 0);   // busy: the server tells no progress
    } else {
        m_progressBar->setRange(0, 1000);
        const double percent = stage == Stage::Done ? 100.0 : std::clamp(m_item.percent, 0.0, 100.0);
        m_progressBar->setValue(int(std::lround(percent * 10.0)));
        m_progressBar->setFormat(QStringLiteral("%1 %").arg(percent, 0, 'f', 0));
    }
    m_progressBar->setEnabled(stage != Stage::Paused && stage != Stage::Cancelled && stage != Stage::Failed);

    const bool active = m_item.isActive();
    m_speedLabel->setText(active ? speedText(m_item) : QString());
    m_speedLabel->setVisible(active && !m_speedLabel->text().isEmpty());
    m_etaLabel->setText(active ? etaText(m_item.etaSeconds) : QString());
    m_etaLabel->setVisible(active && !m_etaLabel->text().isEmpty());
    m_errorLabel->setText(stage == Stage::Failed ? m_item.error : QString());
    m_errorLabel->setVisible(stage == Stage::Failed && !m_item.error.isEmpty());

    const bool pausable = stage == Stage::Queued || stage == Stage::Transcoding || stage == Stage::Packaging
                          || stage == Stage::Uploading;
    m_pauseButton->setVisible(pausable);
    m_resumeButton->setVisible(stage == Stage::Paused);
    m_cancelButton->setVisible(!m_item.isFinished());
    m_retryButton->setVisible(stage == Stage::Failed);
    m_removeButton->setVisible(m_item.isFinished());
    if (m_item.isFinished() && m_confirmation)
        m_confirmation->close();
}

void UploadQueueRow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void UploadQueueRow::retranslateUi()
{
    m_pauseButton->setText(tr("Pause"));
    m_resumeButton->setText(tr("Resume"));
    m_cancelButton->setText(tr("Cancel…"));
    m_retryButton->setText(tr("Retry"));
    m_removeButton->setText(tr("Remove"));
    updateState();
}

} // namespace Kinora::Studio
