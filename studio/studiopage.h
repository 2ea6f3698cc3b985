#pragma once
#include <QWidget>
namespace Kinora::Studio {
class StudioPage : public QWidget
{
    Q_OBJECT
public:
    explicit StudioPage(QWidget *parent = nullptr);
};
}
