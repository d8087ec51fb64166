#include "ui/log/ActivityLogDialog.h"

#include "app/archive/Archive.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ledger::gui {

namespace {

enum Column { SeqColumn, TimeColumn, OperatorColumn, ActionColumn, DetailsColumn, ColumnCount };
constexpr int KindRole = Qt::UserRole + 1;
constexpr int TimeRole = Qt::UserRole + 2;

} // namespace

// Text (every column, case-insensitive), a UTC date range [from, to] (whole days) and an action.
class ActivityLogFilterModel : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString text, kind;
    QDate from, to;   // invalid = open
    void update() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QAbstractItemModel *m = sourceModel();
        const QModelIndex first = m->index(row, 0, parent);
        if (!kind.isEmpty() && first.data(KindRole).toString() != kind)
            return false;
        const QDate day = first.data(TimeRole).toDateTime().toUTC().date();
        if ((from.isValid() && day < from) || (to.isValid() && day > to))
            return false;
        if (text.isEmpty())
            return true;
        for (int c = 0; c < ColumnCount; ++c)
            if (m->index(row, c, parent).data().toString().contains(text, Qt::CaseInsensitive))
                return true;
        return false;
    }
};

QString ActivityLogDialog::actionName(const QString &kind)
{
    if (kind == u"sync") return tr("Sync");
    if (kind == u"export") return tr("Export");
    if (kind == u"review.status") return tr("Review status");
    if (kind == u"review.note") return tr("Review note");
    if (kind == u"review.cases") return tr("Case membership");
    if (kind == u"case.created") return tr("Case created");
    if (kind == u"sample") return tr("Sample");
    if (kind == u"watchlist") return tr("Watchlist");
    if (kind == u"profile") return tr("Profile");
    if (kind == u"archive") return tr("Archive");
    return kind;
}

ActivityLogDialog::ActivityLogDialog(const Archive &archive, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Activity log"));
    setObjectName(u"activityLogDialog"_s);
    auto *layout = new QVBoxLayout(this);

    m_banner = new QLabel(this);
    m_banner->setObjectName(u"verificationBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setMargin(8);
    layout->addWidget(m_banner);

    auto *filters = new QHBoxLayout;
    m_text = new QLineEdit(this);
    m_text->setObjectName(u"logSearch"_s);
    m_text->setPlaceholderText(tr("Search operator, action, details…"));
    m_text->setClearButtonEnabled(true);
    filters->addWidget(m_text, 1);
    m_useFrom = new QCheckBox(tr("&From"), this);
    m_useFrom->setObjectName(u"logUseFrom"_s);
    m_from = new QDateEdit(this);
    m_from->setObjectName(u"logFrom"_s);
    m_useTo = new QCheckBox(tr("&To"), this);
    m_useTo->setObjectName(u"logUseTo"_s);
    m_to = new QDateEdit(this);
    m_to->setObjectName(u"logTo"_s);
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(u"yyyy-MM-dd"_s);
        d->setToolTip(tr("A day in UTC, included"));
        d->setEnabled(false);
    }
    filters->addWidget(m_useFrom);
    filters->addWidget(m_from);
    filters->addWidget(m_useTo);
    filters->addWidget(m_to);
    m_action = new QComboBox(this);
    m_action->setObjectName(u"logAction"_s);
    filters->addWidget(m_action);
    layout->addLayout(filters);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("#"), tr("Time (UTC)"), tr("Operator"), tr("Action"), tr("Details")});
    m_filter = new ActivityLogFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(u"activityLogTable"_s);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout;
    m_count = new QLabel(this);
    m_count->setObjectName(u"logCount"_s);
    bottom->addWidget(m_count, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    load(archive);

    connect(m_text, &QLineEdit::textChanged, this, &ActivityLogDialog::applyFilter);
    connect(m_action, &QComboBox::currentIndexChanged, this, &ActivityLogDialog::applyFilter);
    for (QCheckBox *c : {m_useFrom, m_useTo})
        connect(c, &QCheckBox::toggled, this, [this] {
            m_from->setEnabled(m_useFrom->isChecked());
            m_to->setEnabled(m_useTo->isChecked());
            applyFilter();
        });
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &ActivityLogDialog::applyFilter);
    applyFilter();
    resize(1000, 560);
}

void ActivityLogDialog::load(const Archive &archive)
{
    m_verification = ActivityLog::verify(archive);
    const QList<ActivityEntry> entries = ActivityLog::entries(archive);
    if (m_verification.ok) {
        m_banner->setText(m_verification.entries == 0
                              ? tr("The activity log is empty: nothing has been synced, exported or reviewed with this archive yet.")
                              : tr("Verified: the activity log is intact (%Ln entries, each hash-chained to the one before).",
                                   nullptr, int(m_verification.entries)));
        m_banner->setStyleSheet(u"QLabel { background: palette(alternate-base); border-radius: 4px; }"_s);
        m_banner->setProperty("failed", false);
    } else {
        QString which;
        if (m_verification.firstBadSeq > 0 && m_verification.firstBadTime.isValid())
            which = tr("Entry %1 (%2 UTC) does not verify: %3")
                        .arg(m_verification.firstBadSeq)
                        .arg(m_verification.firstBadTime.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s), m_verification.problem);
        else if (m_verification.firstBadSeq > 0)
            which = tr("Entry %1 does not verify: %2").arg(m_verification.firstBadSeq).arg(m_verification.problem);
        else
            which = m_verification.problem;
        m_banner->setText(tr("Verification FAILED — this activity log was changed outside Copilot Ledger. %1\n"
                             "The entries below are as stored; do not rely on them without checking a copy "
                             "of the archive from before the change.")
                              .arg(which));
        m_banner->setToolTip(m_verification.technical);
        m_banner->setStyleSheet(u"QLabel { background: #b3261e; color: white; font-weight: bold; border-radius: 4px; }"_s);
        m_banner->setProperty("failed", true);
    }

    QDate first, last;
    QStringList kinds;
    m_model->setRowCount(0);
    for (const ActivityEntry &e : entries) {
        auto *seq = new QStandardItem;
        seq->setData(e.seq, Qt::DisplayRole);
        seq->setData(e.kind, KindRole);
        seq->setData(e.time, TimeRole);
        auto *time = new QStandardItem(e.time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s));
        auto *op = new QStandardItem(e.operatorName + u'@' + e.machine);
        op->setToolTip(tr("OS account %1 on %2, Copilot Ledger %3").arg(e.operatorName, e.machine, e.appVersion));
        auto *action = new QStandardItem(actionName(e.kind));
        action->setToolTip(e.kind);
        QString summary = ActivityLog::summary(e);
        summary.replace(u'\n', u' ');
        auto *details = new QStandardItem(summary);
        details->setToolTip(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Indented)).left(4000));
        const QList<QStandardItem *> row{seq, time, op, action, details};
        if (!m_verification.ok && e.seq == m_verification.firstBadSeq)
            for (QStandardItem *i : row) {
                i->setBackground(QColor(0xf9, 0xde, 0xdc));
                i->setForeground(QColor(0x41, 0x0e, 0x0b));
            }
        m_model->appendRow(row);
        if (!kinds.contains(e.kind))
            kinds << e.kind;
        const QDate d = e.time.toUTC().date();
        if (!first.isValid() || d < first)
            first = d;
        if (!last.isValid() || d > last)
            last = d;
    }
    m_action->addItem(tr("All actions"), QString());
    QStringList ordered;
    for (const QString &k : ActivityLog::knownKinds())
        if (kinds.contains(k))
            ordered << k;
    for (const QString &k : std::as_const(kinds))
        if (!ordered.contains(k))
            ordered << k;
    for (const QString &k : std::as_const(ordered))
        m_action->addItem(actionName(k), k);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_from->setDate(first.isValid() ? first : today);
    m_to->setDate(last.isValid() ? last : today);
    m_table->resizeColumnsToContents();
    if (!m_verification.ok && m_verification.firstBadSeq > 0) {
        const QList<QStandardItem *> hits = m_model->findItems(QString::number(m_verification.firstBadSeq));
        if (!hits.isEmpty())
            m_table->scrollTo(m_filter->mapFromSource(hits.first()->index()), QAbstractItemView::PositionAtCenter);
    }
}

void ActivityLogDialog::applyFilter()
{
    m_filter->text = m_text->text().trimmed();
    m_filter->kind = m_action->currentData().toString();
    m_filter->from = m_useFrom->isChecked() ? m_from->date() : QDate();
    m_filter->to = m_useTo->isChecked() ? m_to->date() : QDate();
    m_filter->update();
    m_count->setText(tr("%1 of %Ln entries shown", nullptr, m_model->rowCount()).arg(m_filter->rowCount()));
}

int ActivityLogDialog::visibleRows() const
{
    return m_filter->rowCount();
}

} // namespace ledger::gui
