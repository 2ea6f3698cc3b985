#include "app/placeholderpage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace Kinora::App {

PlaceholderPage::PlaceholderPage(Kind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_heading(new QLabel(this))
    , m_description(new QLabel(this))
{
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setAlignment(Qt::AlignCenter);
    m_heading->setWordWrap(true);
    m_description->setAlignment(Qt::AlignCenter);
    m_description->setWordWrap(true);
    m_description->setObjectName(QStringLiteral("placeholderDescription"));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_heading);
    layout->addSpacing(m_heading->fontMetrics().height() / 2);
    layout->addWidget(m_description);
    layout->addStretch(3);
    retranslateUi();
}

void PlaceholderPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PlaceholderPage::retranslateUi()
{
    switch (m_kind) {
    case Kind::Home:
        m_heading->setText(tr("Welcome to Kinora"));
        m_description->setText(tr("Your home feed will show new videos from the channels you follow, live streams "
                                  "happening now and recommendations from your server."));
        break;
    case Kind::Search:
        m_heading->setText(tr("Search"));
        m_description->setText(tr("Search will find videos, live streams and channels on your server, "
                                  "with filters for duration, date and language."));
        break;
    case Kind::Library:
        m_heading->setText(tr("Library"));
        m_description->setText(tr("Your library will keep your watch history, the videos you saved for later "
                                  "and your playlists."));
        break;
    }
}

} // namespace Kinora::App
