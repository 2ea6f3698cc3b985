#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace Kinora::App {

// A non-blocking message across the top of the window: an error or a
// notice, with an optional action button (e.g. Retry) and a close button.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Error, Notice };

    explicit MessageBanner(Kind kind, QWidget *parent = nullptr);

    void showMessage(const QString &text);
    QString text() const;
    void setActionText(const QString &text);   // empty hides the action
    QPushButton *actionButton() const { return m_action; }
    void setClosable(bool closable);

Q_SIGNALS:
    void actionTriggered();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    Kind m_kind;
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
    bool m_updatingColors = false;
};

} // namespace Kinora::App
