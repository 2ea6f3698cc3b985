#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace Kinora::Studio {

class UploadQueue;
class UploadQueueRow;

// The upload queue as a list of rows, newest at the bottom, kept in step with
// the queue's signals. Each row offers pause/resume, cancel, retry and remove.
class UploadQueueView : public QWidget
{
    Q_OBJECT
public:
    explicit UploadQueueView(UploadQueue *queue, QWidget *parent = nullptr);

    UploadQueueRow *row(qint64 id) const { return m_rows.value(id); }
    int rowCount() const { return int(m_rows.size()); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void addRow(qint64 id);
    void updateRow(qint64 id);
    void removeRow(qint64 id);
    void updateEmptyState();

    UploadQueue *m_queue;
    QScrollArea *m_scrollArea;
    QWidget *m_rowsWidget;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_emptyLabel;
    QHash<qint64, UploadQueueRow *> m_rows;
};

} // namespace Kinora::Studio
