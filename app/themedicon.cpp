#include "app/themedicon.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace Kinora::App {

namespace {

const int Sizes[] = {16, 20, 24, 32, 48, 64};
const int AppIconSizes[] = {16, 24, 32, 48, 64, 128, 256};

QByteArray svgSource(const QString &name)
{
    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

QPixmap render(const QByteArray &svg, int size)
{
    QSvgRenderer renderer(svg);
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    if (!renderer.isValid())
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    return pixmap;
}

QByteArray withColor(QByteArray svg, const QColor &color)
{
    return svg.replace("currentColor", color.name().toLatin1());
}

} // namespace

QIcon ThemedIcon::create(const QString &name, const QPalette &palette)
{
    return tinted(name, palette.color(QPalette::Active, QPalette::WindowText),
                  palette.color(QPalette::Active, QPalette::HighlightedText),
                  palette.color(QPalette::Disabled, QPalette::WindowText));
}

QIcon ThemedIcon::tinted(const QString &name, const QColor &normal, const QColor &selected, const QColor &disabled)
{
    const QByteArray svg = svgSource(name);
    QIcon icon;
    if (svg.isEmpty())
        return icon;
    const QByteArray normalSvg = withColor(svg, normal);
    const QByteArray selectedSvg = withColor(svg, selected);
    const QByteArray disabledSvg = withColor(svg, disabled);
    for (int size : Sizes) {
        icon.addPixmap(render(normalSvg, size), QIcon::Normal);
        icon.addPixmap(render(normalSvg, size), QIcon::Active);
        icon.addPixmap(render(selectedSvg, size), QIcon::Selected);
        icon.addPixmap(render(disabledSvg, size), QIcon::Disabled);
    }
    return icon;
}

QIcon ThemedIcon::fullColor(const QString &name)
{
    const QByteArray svg = svgSource(name);
    QIcon icon;
    if (svg.isEmpty())
        return icon;
    for (int size : AppIconSizes)
        icon.addPixmap(render(svg, size));
    return icon;
}

} // namespace Kinora::App
