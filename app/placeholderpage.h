#pragma once

#include <QWidget>

class QLabel;

namespace Kinora::App {

// A page whose feature is still to come: its title and what it will offer.
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Home, Search, Library };

    explicit PlaceholderPage(Kind kind, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Kind m_kind;
    QLabel *m_heading;
    QLabel *m_description;
};

} // namespace Kinora::App
