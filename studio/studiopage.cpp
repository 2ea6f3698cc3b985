#include "studio/studiopage.h"
namespace Kinora::Studio {
StudioPage::StudioPage(QWidget *parent) : QWidget(parent) {}
}
