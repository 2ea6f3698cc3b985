#include "studio/studiopage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace Kinora::Studio {

StudioPage::StudioPage(QWidget *parent)
    : QWidget(parent)
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
    m_description->setTextFormat(Qt::RichText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_heading);
    layout->addSpacing(m_heading->fontMetrics().height() / 2);
    layout->addWidget(m_description);
    layout->addStretch(3);
    retranslateUi();
}

void StudioPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StudioPage::retranslateUi()
{
    m_heading->setText(tr("Studio"));
    m_description->setText(tr("<p>The studio is where creators will publish to their Kinora server:</p>"
                              "<p><b>Upload</b> videos with resumable transfers that survive a lost connection,<br>"
                              "<b>transcode</b> them on this computer into an adaptive quality ladder,<br>"
                              "and <b>go live</b> with chat moderation and viewer statistics.</p>"
                              "<p>These tools are not available yet.</p>"));
}

} // namespace Kinora::Studio
