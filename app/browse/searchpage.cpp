#include "app/browse/searchpage.h"

#include "app/browse/videogrid.h"
#include "app/themedicon.h"
#include "core/net/catalogclient.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int SuggestDelayMs = 150;
constexpr int SuggestLimit = 8;
constexpr int PageSize = 24;

void fillCombo(QComboBox *combo, const QList<std::pair<QString, QString>> &entries)
{
    const QVariant current = combo->currentData();
    combo->clear();
    for (const auto &[text, value] : entries)
        combo->addItem(text, value);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}
} // namespace

SearchPage::SearchPage(Core::CatalogClient *catalog, ThumbnailCache *thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_field(new QLineEdit(this))
    , m_suggestions(new QStringListModel(this))
    , m_completer(new QCompleter(m_suggestions, this))
    , m_suggestTimer(new QTimer(this))
    , m_duration(new QComboBox(this))
    , m_date(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_sort(new QComboBox(this))
    , m_layoutButton(new QToolButton(this))
    , m_grid(new VideoGrid(catalog, thumbnails, this))
{
    setObjectName(QStringLiteral("searchPage"));
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setClearButtonEnabled(true);
    m_field->addAction(ThemedIcon::create(QStringLiteral("search"), QApplication::palette()),
                       QLineEdit::LeadingPosition);
    // The server already matched the words: show its suggestions as they are.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_field->setCompleter(m_completer);
    m_duration->setObjectName(QStringLiteral("durationFilter"));
    m_date->setObjectName(QStringLiteral("dateFilter"));
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_sort->setObjectName(QStringLiteral("sortOrder"));
    m_layoutButton->setObjectName(QStringLiteral("layoutToggle"));
    m_layoutButton->setCheckable(true);
    m_layoutButton->setAutoRaise(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_field);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_duration);
    filters->addWidget(m_date);
    filters->addWidget(m_category);
    filters->addStretch(1);
    filters->addWidget(m_sort);
    filters->addWidget(m_layoutButton);
    layout->addLayout(filters);
    layout->addWidget(m_grid, 1);

    m_suggestTimer->setSingleShot(true);
    m_suggestTimer->setInterval(SuggestDelayMs);
    connect(m_suggestTimer, &QTimer::timeout, this, &SearchPage::requestSuggestions);
    connect(m_field, &QLineEdit::textEdited, this, [this] { m_suggestTimer->start(); });
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        m_suggestTimer->stop();
        m_completer->popup()->hide();
        runSearch();
    });
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &text) {
        m_suggestTimer->stop();
        m_field->setText(text);
        runSearch();
    });
    for (QComboBox *combo : {m_duration, m_date, m_category, m_sort}) {
        connect(combo, &QComboBox::activated, this, [this] {
            if (!m_field->text().trimmed().isEmpty())
                runSearch();
        });
    }
    connect(m_layoutButton, &QToolButton::toggled, this, [this](bool list) {
        m_grid->setLayoutMode(list ? VideoCard::Layout::List : VideoCard::Layout::Grid);
        m_layoutButton->setText(list ? tr("Grid") : tr("List"));
    });
    connect(m_grid, &VideoGrid::videoActivated, this, &SearchPage::videoActivated);
    retranslateUi();
    m_grid->showMessage(tr("Type what you are looking for and press Enter."));
}

void SearchPage::retranslateUi()
{
    m_field->setPlaceholderText(tr("Search videos (Ctrl+F)"));
    m_field->setAccessibleName(tr("Search"));
    fillCombo(m_duration, {{tr("Any length"), QString()},
                           {tr("Under 4 minutes"), QStringLiteral("short")},
                           {tr("4–20 minutes"), QStringLiteral("medium")},
                           {tr("Over 20 minutes"), QStringLiteral("long")}});
    fillCombo(m_date, {{tr("Any time"), QString()},
                       {tr("Today"), QStringLiteral("today")},
                       {tr("This week"), QStringLiteral("week")},
                       {tr("This month"), QStringLiteral("month")},
                       {tr("This year"), QStringLiteral("year")}});
    fillCombo(m_sort, {{tr("Relevance"), QStringLiteral("relevance")},
                       {tr("Upload date"), QStringLiteral("date")},
                       {tr("View count"), QStringLiteral("views")}});
    m_category->setItemText(0, tr("Any category"));
    if (m_category->count() == 0)
        m_category->addItem(tr("Any category"), QString());
    m_duration->setAccessibleName(tr("Duration"));
    m_date->setAccessibleName(tr("Upload date"));
    m_category->setAccessibleName(tr("Category"));
    m_sort->setAccessibleName(tr("Sort by"));
    m_layoutButton->setText(m_layoutButton->isChecked() ? tr("Grid") : tr("List"));
    m_layoutButton->setToolTip(tr("Switch between a grid and a list"));
    m_grid->setEmptyText(tr("No videos match your search. Try other words or fewer filters."));
}

void SearchPage::loadCategories()
{
    if (m_categoriesLoaded)
        return;
    m_categoriesLoaded = true;
    m_catalog->categories(this, [this](const QStringList &categories, const Core::ApiError &error) {
        if (!error.code.isEmpty()) {
            m_categoriesLoaded = false; // try again next time the page shows
            return;
        }
        while (m_category->count() > 1)
            m_category->removeItem(1);
        for (const QString &category : categories) {
            QString label = category;
            if (!label.isEmpty())
                label[0] = label[0].toUpper();
            m_category->addItem(label, category);
        }
    });
}

QStringList SearchPage::suggestions() const
{
    return m_suggestions->stringList();
}

void SearchPage::focusSearchField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchPage::search(const QString &text)
{
    m_field->setText(text);
    runSearch();
}

void SearchPage::requestSuggestions()
{
    const QString text = m_field->text().trimmed();
    if (text.isEmpty() || text == m_lastSuggestText)
        return;
    m_lastSuggestText = text;
    m_catalog->suggest(text, SuggestLimit, this, [this, text](const QStringList &list, const Core::ApiError &error) {
        if (!error.code.isEmpty() || m_field->text().trimmed() != text)
            return; // an older answer, or the text changed meanwhile
        m_suggestions->setStringList(list);
        if (!list.isEmpty() && m_field->hasFocus())
            m_completer->complete();
    });
}

void SearchPage::runSearch()
{
    const QString text = m_field->text().trimmed();
    if (text.isEmpty()) {
        m_grid->showMessage(tr("Type what you are looking for and press Enter."));
        return;
    }
    Core::VideoSearchQuery query;
    query.text = text;
    query.duration = m_duration->currentData().toString();
    query.date = m_date->currentData().toString();
    query.category = m_category->currentData().toString();
    const QString sort = m_sort->currentData().toString();
    query.sort = sort == QLatin1String("date")    ? Core::VideoSearchQuery::Sort::Date
                 : sort == QLatin1String("views") ? Core::VideoSearchQuery::Sort::Views
                                                  : Core::VideoSearchQuery::Sort::Relevance;
    query.limit = PageSize;
    Core::CatalogClient *catalog = m_catalog;
    m_grid->setLoader([catalog, query](const QString &cursor, QObject *context, VideoGrid::PageCallback done) {
        Core::VideoSearchQuery page = query;
        page.cursor = cursor;
        catalog->search(page, context, std::move(done));
    });
}

void SearchPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadCategories();
}

void SearchPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
