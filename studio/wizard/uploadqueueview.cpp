#include "studio/wizard/uploadqueueview.h"

#include "studio/upload/uploadqueue.h"
#include "studio/wizard/uploadqueuerow.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Kinora::Studio {

UploadQueueView::UploadQueueView(UploadQueue *queue, QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_scrollArea(new QScrollArea(this))
    , m_rowsWidget(new QWidget)
    , m_rowsLayout(new QVBoxLayout(m_rowsWidget))
    , m_emptyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("uploadQueueView"));
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->addStretch(1);
    m_scrollArea->setWidget(m_rowsWidget);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setFocusPolicy(Qt::NoFocus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_scrollArea, 1);

    connect(m_queue, &UploadQueue::itemAdded, this, &UploadQueueView::addRow);
    connect(m_queue, &UploadQueue::itemChanged, this, &UploadQueueView::updateRow);
    connect(m_queue, &UploadQueue::itemFinished, this, [this](qint64 id) { updateRow(id); });
    connect(m_queue, &UploadQueue::itemRemoved, this, &UploadQueueView::removeRow);
    for (const UploadItem &item : m_queue->items())
        addRow(item.id);
    retranslateUi();
}

void UploadQueueView::addRow(qint64 id)
{
    if (m_rows.contains(id)) {
        updateRow(id);
        return;
    }
    const auto item = m_queue->item(id);
    if (!item)
        return;
    auto *row = new UploadQueueRow(m_queue, *item, m_rowsWidget);
    m_rows.insert(id, row);
    m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row);   // above the stretch
    row->setItem(*item);
    updateEmptyState();
}

void UploadQueueView::updateRow(qint64 id)
{
    UploadQueueRow *row = m_rows.value(id);
    if (!row) {
        addRow(id);
        return;
    }
    if (const auto item = m_queue->item(id))
        row->setItem(*item);
}

void UploadQueueView::removeRow(qint64 id)
{
    if (UploadQueueRow *row = m_rows.take(id)) {
        // Keep the keyboard focus in the list when the focused row goes away.
        const bool hadFocus = row->isAncestorOf(focusWidget());
        row->hide();
        row->deleteLater();
        if (hadFocus && !m_rows.isEmpty())
            m_rows.begin().value()->focusFirstAction();
    }
    updateEmptyState();
}

void UploadQueueView::updateEmptyState()
{
    m_emptyLabel->setVisible(m_rows.isEmpty());
    m_scrollArea->setVisible(!m_rows.isEmpty());
}

void UploadQueueView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UploadQueueView::retranslateUi()
{
    m_emptyLabel->setText(tr("No uploads yet."));
    updateEmptyState();
}

} // namespace Kinora::Studio
