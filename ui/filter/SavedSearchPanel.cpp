#include "ui/filter/SavedSearchPanel.h"

#include "app/archive/Archive.h"
#include "app/archive/ArchiveWorker.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Icons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ledger::gui {

namespace {
constexpr int NameRole = Qt::UserRole + 1;
}

SavedSearchPanel::SavedSearchPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("savedSearchPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->setSpacing(4);

    auto *title = new QLabel(tr("Saved searches"), this);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("savedSearchList"));
    m_list->setAccessibleName(tr("Saved searches"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Search"), tr("Prompts")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->setToolTip(tr("Click a search to apply it to the filter bar"));
    layout->addWidget(m_list, 1);

    m_empty = new QLabel(tr("No saved searches yet. Set up the filter bar, then press Save…"), this);
    m_empty->setObjectName(QStringLiteral("savedSearchEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_empty, 1);   // takes the list's room while there is no list: the title stays on top

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    m_save = new QToolButton(this);
    m_save->setObjectName(QStringLiteral("saveSearch"));
    m_save->setIcon(themedIcon(QStringLiteral("add")));
    m_save->setText(tr("Save…"));
    m_save->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_save->setToolTip(tr("Save the filter bar's search (text and every filter) by name"));
    m_rename = new QToolButton(this);
    m_rename->setObjectName(QStringLiteral("renameSearch"));
    m_rename->setIcon(themedIcon(QStringLiteral("rename")));
    m_rename->setToolTip(tr("Rename the selected search"));
    m_rename->setAccessibleName(tr("Rename search"));
    m_delete = new QToolButton(this);
    m_delete->setObjectName(QStringLiteral("deleteSearch"));
    m_delete->setIcon(themedIcon(QStringLiteral("remove")));
    m_delete->setToolTip(tr("Delete the selected search"));
    m_delete->setAccessibleName(tr("Delete search"));
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    layout->addLayout(buttons);

    connect(m_save, &QToolButton::clicked, this, &SavedSearchPanel::askSave);
    connect(m_rename, &QToolButton::clicked, this, &SavedSearchPanel::askRename);
    connect(m_delete, &QToolButton::clicked, this, &SavedSearchPanel::askDelete);
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (item)
            apply(item->data(0, NameRole).toString());
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item)
            apply(item->data(0, NameRole).toString());
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &SavedSearchPanel::updateButtons);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_list->itemAt(pos);
        if (!item)
            return;
        m_list->setCurrentItem(item);
        QMenu menu(this);
        menu.addAction(tr("Apply"), this, [this, item] { apply(item->data(0, NameRole).toString()); });
        menu.addAction(tr("Rename…"), this, &SavedSearchPanel::askRename);
        menu.addAction(tr("Delete"), this, &SavedSearchPanel::askDelete);
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    rebuildItems();
}

SavedSearchPanel::~SavedSearchPanel() = default;

void SavedSearchPanel::setArchive(ledger::Archive *archive)
{
    m_archive = archive;
    m_counts.clear();
    reload();
}

void SavedSearchPanel::reload()
{
    m_counting = false;   // the list changed: count it now (an older count is ignored by its serial)
    m_searches = (m_archive && m_archive->isOpen()) ? SavedSearchStore(*m_archive).list() : QList<SavedSearch>();
    rebuildItems();
    refreshCounts();
}

void SavedSearchPanel::refreshCounts()
{
    if (!m_archive || !m_archive->isOpen() || m_searches.isEmpty()) {
        ++m_serial;
        m_counting = false;
        emit countsUpdated();
        return;
    }
    if (m_counting && m_countedPath == m_archive->path()) {
        // A sync refreshes every few seconds: count once more after the running count, never
        // queue one count per refresh.
        m_recountPending = true;
        return;
    }
    if (!m_worker)
        m_worker = std::make_unique<ArchiveWorker>();
    if (m_worker->path() != m_archive->path())
        m_worker->setPath(m_archive->path());
    const quint64 serial = ++m_serial;
    m_counting = true;
    m_recountPending = false;
    m_countedPath = m_archive->path();
    // Relative periods count back from today, like the filter bar.
    QList<QPair<QString, ArchiveFilter>> jobs;
    const QDate today = QDate::currentDate();
    for (const SavedSearch &s : std::as_const(m_searches))
        jobs.append({s.name, s.filter(today)});
    m_worker->run(
        [jobs](const Archive *archive) {
            QHash<QString, qint64> counts;
            for (const auto &[name, filter] : jobs)
                counts.insert(name, archive ? archive->reader().countTurns(filter) : -1);
            return counts;
        },
        [this, serial](QHash<QString, qint64> counts) {
            if (serial != m_serial)
                return;   // a newer count is on its way
            m_counts = std::move(counts);
            m_counting = false;
            if (m_recountPending) {
                refreshCounts();
                return;
            }
            rebuildItems();
            emit countsUpdated();
        });
    rebuildItems();
}

void SavedSearchPanel::rebuildItems()
{
    const QString selected = selectedName();
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QLocale loc;
    for (const SavedSearch &s : std::as_const(m_searches)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, s.name);
        item->setData(0, NameRole, s.name);
        const qint64 n = m_counts.value(s.name, -1);
        item->setText(1, n >= 0 ? loc.toString(n) : (m_counting ? tr("…") : tr("–")));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        const QString tip = tr("%1\nClick to apply.").arg(s.summary());
        item->setToolTip(0, tip);
        item->setToolTip(1, n >= 0 ? tr("Prompts this search finds now: %1").arg(loc.toString(n)) : tr("Counting…"));
        if (s.name == m_active) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
            item->setFont(1, f);
        }
        if (s.name == selected)
            m_list->setCurrentItem(item);
    }
    m_list->setVisible(!m_searches.isEmpty());
    m_empty->setVisible(m_searches.isEmpty());
    updateButtons();
}

void SavedSearchPanel::setActiveSearch(const ledger::SavedSearch &current)
{
    QString active;
    for (const SavedSearch &s : std::as_const(m_searches))
        if (s.sameSearch(current))
            active = s.name;
    if (active == m_active)
        return;
    m_active = active;
    rebuildItems();
}

qint64 SavedSearchPanel::count(const QString &name) const
{
    return m_counts.value(name, -1);
}

QString SavedSearchPanel::selectedName() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, NameRole).toString() : QString();
}

void SavedSearchPanel::updateButtons()
{
    const bool open = m_archive && m_archive->isOpen();
    m_save->setEnabled(open);
    m_rename->setEnabled(open && !selectedName().isEmpty());
    m_delete->setEnabled(open && !selectedName().isEmpty());
}

bool SavedSearchPanel::apply(const QString &name)
{
    for (const SavedSearch &s : std::as_const(m_searches)) {
        if (s.name == name) {
            m_active = s.name;
            rebuildItems();
            emit applyRequested(s);
            return true;
        }
    }
    return false;
}

bool SavedSearchPanel::saveAs(const QString &name, QString *error)
{
    if (!m_archive || !m_archive->isOpen() || !m_current) {
        if (error)
            *error = tr("No archive is open.");
        return false;
    }
    SavedSearch s = m_current();
    s.name = name.trimmed();
    if (!SavedSearchStore(*m_archive).save(s, error))
        return false;
    m_active = s.name;
    reload();
    return true;
}

bool SavedSearchPanel::renameSearch(const QString &from, const QString &to, QString *error)
{
    if (!m_archive || !m_archive->isOpen()) {
        if (error)
            *error = tr("No archive is open.");
        return false;
    }
    if (!SavedSearchStore(*m_archive).rename(from, to, error))
        return false;
    if (m_active.compare(from, Qt::CaseInsensitive) == 0)
        m_active = to.trimmed();
    reload();
    return true;
}

bool SavedSearchPanel::deleteSearch(const QString &name, QString *error)
{
    if (!m_archive || !m_archive->isOpen()) {
        if (error)
            *error = tr("No archive is open.");
        return false;
    }
    if (!SavedSearchStore(*m_archive).remove(name, error))
        return false;
    if (m_active.compare(name, Qt::CaseInsensitive) == 0)
        m_active.clear();
    reload();
    return true;
}

void SavedSearchPanel::showError(const QString &message)
{
    Dialogs::error(this, tr("Saved searches"), message);
}

void SavedSearchPanel::askSave()
{
    if (!m_archive || !m_archive->isOpen() || !m_current)
        return;
    bool ok = false;
    const QString name = Dialogs::text(this, tr("Save search"),
                                       tr("Name of the search (%1):").arg(m_current().summary()), m_active, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    SavedSearchStore store(*m_archive);
    if (const auto existing = store.find(name)) {
        const auto answer = Dialogs::question(this, tr("Save search"),
                                              tr("A search named “%1” exists. Replace it with the current search?").arg(existing->name),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    QString error;
    if (!saveAs(name, &error))
        showError(error);
}

void SavedSearchPanel::askRename()
{
    const QString from = selectedName();
    if (from.isEmpty())
        return;
    bool ok = false;
    const QString to = Dialogs::text(this, tr("Rename search"), tr("New name for “%1”:").arg(from), from, &ok).trimmed();
    if (!ok || to.isEmpty() || to == from)
        return;
    QString error;
    if (!renameSearch(from, to, &error))
        showError(error);
}

void SavedSearchPanel::askDelete()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const auto answer = Dialogs::question(this, tr("Delete search"),
                                          tr("Delete the saved search “%1”? The archive's data is not changed.").arg(name),
                                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!deleteSearch(name, &error))
        showError(error);
}

} // namespace ledger::gui
