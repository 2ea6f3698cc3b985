#pragma once

#include <QWidget>

class QComboBox;
class QCompleter;
class QLineEdit;
class QStringListModel;
class QTimer;
class QToolButton;

namespace Kinora::Core {
class CatalogClient;
struct VideoSummary;
}

namespace Kinora::App {

class ThumbnailCache;
class VideoGrid;

// Search: a field with type-ahead suggestions (titles from the server),
// filters for duration, upload date and category, the sort order, and the
// results in a grid or a list that loads more as it is scrolled.
class SearchPage : public QWidget
{
    Q_OBJECT
public:
    SearchPage(Core::CatalogClient *catalog, ThumbnailCache *thumbnails, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_field; }
    VideoGrid *grid() const { return m_grid; }
    QCompleter *completer() const { return m_completer; }
    QStringList suggestions() const;
    // Runs the search for text (as if typed and confirmed).
    void search(const QString &text);
    void focusSearchField();

Q_SIGNALS:
    void videoActivated(const Kinora::Core::VideoSummary &video);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void runSearch();
    void requestSuggestions();
    void loadCategories();

    Core::CatalogClient *m_catalog;
    QLineEdit *m_field;
    QStringListModel *m_suggestions;
    QCompleter *m_completer;
    QTimer *m_suggestTimer;
    QComboBox *m_duration;
    QComboBox *m_date;
    QComboBox *m_category;
    QComboBox *m_sort;
    QToolButton *m_layoutButton;
    VideoGrid *m_grid;
    QString m_lastSuggestText;
    bool m_categoriesLoaded = false;
};

} // namespace Kinora::App
