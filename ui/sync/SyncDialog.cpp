#include "ui/sync/SyncDialog.h"

#include "app/model/AppClass.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ledger::gui {

SyncDialog::SyncDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sync"));
    setObjectName(QStringLiteral("syncDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Reads the users and their Copilot interaction history from Microsoft "
                                "Graph into this computer's archive."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *mode = new QGroupBox(tr("What to read"), this);
    auto *modeLayout = new QVBoxLayout(mode);
    m_incremental = new QRadioButton(tr("&New interactions only (incremental, recommended)"), mode);
    m_full = new QRadioButton(tr("&Everything in the date range again (full)"), mode);
    m_incremental->setChecked(true);
    modeLayout->addWidget(m_incremental);
    modeLayout->addWidget(m_full);
    layout->addWidget(mode);

    auto *who = new QGroupBox(tr("Users"), this);
    auto *whoLayout = new QVBoxLayout(who);
    m_probeUnlicensed = new QCheckBox(tr("Also ask for users &without a Copilot chat licence (the directory may lag)"), who);
    m_probeUnlicensed->setToolTip(tr("Without this, users whose licences show no \"Microsoft Copilot with Graph-grounded "
                                     "chat\" plan are marked \"Not licensed\" without a request."));
    m_includeDeleted = new QCheckBox(tr("Include &deleted users (still in the directory's recycle bin)"), who);
    whoLayout->addWidget(m_probeUnlicensed);
    whoLayout->addWidget(m_includeDeleted);
    layout->addWidget(who);

    auto *range = new QGroupBox(tr("Date range"), this);
    auto *rangeLayout = new QFormLayout(range);
    m_limitRange = new QCheckBox(tr("&Limit to these days"), range);
    rangeLayout->addRow(m_limitRange);
    m_from = new QDateEdit(QDate::currentDate().addDays(-90), range);
    m_to = new QDateEdit(QDate::currentDate(), range);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setEnabled(false);
    }
    m_from->setAccessibleName(tr("Sync from date"));
    m_to->setAccessibleName(tr("Sync to date (inclusive)"));
    rangeLayout->addRow(tr("&From:"), m_from);
    rangeLayout->addRow(tr("&To (inclusive):"), m_to);
    connect(m_limitRange, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_limitRange, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    layout->addWidget(range);

    auto *appsBox = new QGroupBox(tr("Apps (none checked = all apps)"), this);
    auto *appsLayout = new QVBoxLayout(appsBox);
    m_apps = new QListWidget(appsBox);
    m_apps->setAccessibleName(tr("Apps to sync"));
    for (const QString &name : knownAppNames()) {
        auto *item = new QListWidgetItem(name, m_apps);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_apps->setMaximumHeight(140);
    appsLayout->addWidget(m_apps);
    layout->addWidget(appsBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start sync"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

ledger::SyncOptions SyncDialog::options() const
{
    SyncOptions o;
    o.incremental = m_incremental->isChecked();
    o.probeUnlicensed = m_probeUnlicensed->isChecked();
    o.includeDeleted = m_includeDeleted->isChecked();
    if (m_limitRange->isChecked()) {
        o.from = QDateTime(m_from->date(), QTime(0, 0), Qt::LocalTime).toUTC();
        o.to = QDateTime(m_to->date().addDays(1), QTime(0, 0), Qt::LocalTime).toUTC();
    }
    for (int i = 0; i < m_apps->count(); ++i) {
        if (m_apps->item(i)->checkState() == Qt::Checked) {
            const QString cls = appClassForName(m_apps->item(i)->text());
            if (!cls.isEmpty())
                o.appClasses << cls;
        }
    }
    return o;
}

void SyncDialog::setOptions(const ledger::SyncOptions &o)
{
    m_incremental->setChecked(o.incremental);
    m_full->setChecked(!o.incremental);
    m_probeUnlicensed->setChecked(o.probeUnlicensed);
    m_includeDeleted->setChecked(o.includeDeleted);
    m_limitRange->setChecked(o.from.isValid() || o.to.isValid());
    if (o.from.isValid())
        m_from->setDate(o.from.toLocalTime().date());
    if (o.to.isValid())
        m_to->setDate(o.to.toLocalTime().date().addDays(-1));
    for (int i = 0; i < m_apps->count(); ++i) {
        const QString cls = appClassForName(m_apps->item(i)->text());
        m_apps->item(i)->setCheckState(o.appClasses.contains(cls) ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace ledger::gui
