#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace Kinora::App {

// Builds icons from the monochrome SVGs in resources/icons (drawn with
// "currentColor") in the colours of the current palette, so that they stay
// legible in light and dark themes and at any scale.
class ThemedIcon
{
public:
    static QIcon create(const QString &name, const QPalette &palette);
    static QIcon tinted(const QString &name, const QColor &normal, const QColor &selected, const QColor &disabled);
    // Full-colour SVG (the app icon), rendered as it is.
    static QIcon fullColor(const QString &name);
};

} // namespace Kinora::App
