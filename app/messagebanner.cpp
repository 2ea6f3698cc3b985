#include "app/messagebanner.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace Kinora::App {

MessageBanner::MessageBanner(Kind kind, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_label(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(kind == Kind::Error ? QStringLiteral("errorBanner") : QStringLiteral("noticeBanner"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::NoFrame);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setAccessibleName(kind == Kind::Error ? tr("Error") : tr("Notice"));
    m_action->hide();
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("\u2715"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    layout->setContentsMargins(margin, margin / 2, margin / 2, margin / 2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);

    connect(m_action, &QPushButton::clicked, this, &MessageBanner::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    updateColors();
    hide();
}

void MessageBanner::showMessage(const QString &text)
{
    m_label->setText(text);
    show();
}

QString MessageBanner::text() const
{
    return m_label->text();
}

void MessageBanner::setActionText(const QString &text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

void MessageBanner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_updatingColors)
        updateColors();
    QFrame::changeEvent(event);
}

void MessageBanner::updateColors()
{
    // Tint the window colour towards red or blue: readable in both themes.
    m_updatingColors = true;
    QPalette pal = palette();
    const QColor window = QApplication::palette().color(QPalette::Window);
    const bool dark = window.lightness() < 128;
    const QColor tint = m_kind == Kind::Error ? QColor(0xd9, 0x3a, 0x3a) : QColor(0x3a, 0x72, 0xd9);
    const qreal amount = dark ? 0.35 : 0.18;
    const QColor mixed = QColor::fromRgbF(window.redF() * (1 - amount) + tint.redF() * amount,
                                          window.greenF() * (1 - amount) + tint.greenF() * amount,
                                          window.blueF() * (1 - amount) + tint.blueF() * amount);
    pal.setColor(QPalette::Window, mixed);
    setPalette(pal);
    m_updatingColors = false;
}

} // namespace Kinora::App
