#include "app/themecontroller.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace Kinora::App {

namespace {
const QColor Accent(0x4f, 0x5b, 0xd5);
const QColor AccentOnDark(0x7c, 0x86, 0xff);
}

ThemeController::ThemeController(QObject *parent)
    : QObject(parent)
    , m_systemPalette(QApplication::palette())
{
    // Fusion draws the same on every desktop and honours any palette.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
}

bool ThemeController::systemPrefersDark() const
{
    if (qEnvironmentVariable("GTK_THEME").contains(QLatin1String("dark"), Qt::CaseInsensitive))
        return true;
    const QColor window = m_systemPalette.color(QPalette::Window);
    const QColor text = m_systemPalette.color(QPalette::WindowText);
    return window.lightness() < text.lightness();
}

void ThemeController::apply(Theme theme)
{
    m_theme = theme;
    m_dark = theme == Theme::Dark || (theme == Theme::System && systemPrefersDark());
    QApplication::setPalette(m_dark ? darkPalette() : lightPalette());
    Q_EMIT themeChanged(theme);
}

QString ThemeController::toString(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeController::Theme ThemeController::fromString(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QPalette ThemeController::lightPalette()
{
    QPalette palette = QApplication::style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xec, 0xee, 0xf2));
    palette.setColor(QPalette::Button, QColor(0xfa, 0xfa, 0xfb));
    palette.setColor(QPalette::Highlight, Accent);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, Accent);
    return palette;
}

QPalette ThemeController::darkPalette()
{
    const QColor window(0x24, 0x26, 0x2b);
    const QColor base(0x1b, 0x1d, 0x21);
    const QColor button(0x2f, 0x32, 0x39);
    const QColor text(0xe8, 0xe9, 0xec);
    const QColor disabledText(0x80, 0x84, 0x8d);

    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2d, 0x33));
    palette.setColor(QPalette::ToolTipBase, button);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x3d, 0x41, 0x4a));
    palette.setColor(QPalette::Midlight, QColor(0x35, 0x38, 0x40));
    palette.setColor(QPalette::Mid, QColor(0x1f, 0x21, 0x25));
    palette.setColor(QPalette::Dark, QColor(0x16, 0x17, 0x1a));
    palette.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x0f));
    palette.setColor(QPalette::Highlight, AccentOnDark);
    palette.setColor(QPalette::HighlightedText, QColor(0x10, 0x11, 0x14));
    palette.setColor(QPalette::Link, AccentOnDark);
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Button, window);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x55));
    return palette;
}

} // namespace Kinora::App
