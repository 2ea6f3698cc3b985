#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

namespace Kinora::App {

// Applies the light, dark or system theme to the whole application: Fusion
// style, with a dark palette when asked for or when the system is dark.
class ThemeController : public QObject
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    // Reads the platform palette: construct before any other palette change.
    explicit ThemeController(QObject *parent = nullptr);

    Theme theme() const { return m_theme; }
    bool isDark() const { return m_dark; }
    void apply(Theme theme);

    static QString toString(Theme theme);
    static Theme fromString(const QString &name);
    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void themeChanged(Kinora::App::ThemeController::Theme theme);

private:
    bool systemPrefersDark() const;

    QPalette m_systemPalette;
    Theme m_theme = Theme::System;
    bool m_dark = false;
};

} // namespace Kinora::App
