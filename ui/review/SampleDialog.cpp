#include "ui/review/SampleDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>
#include <cmath>

namespace ledger::gui {

SampleDialog::SampleDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("sampleDialog"));
    setWindowTitle(tr("Draw a review sample"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Picks a share of every user's prompts in each week or month of the period and adds them "
                                "to the review queue. Every user with a prompt in a week (or month) gets at least one "
                                "picked (the count is rounded up). The seed and the settings are recorded, so the same "
                                "sample can be drawn again to check it."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_percent = new QDoubleSpinBox(this);
    m_percent->setObjectName(QStringLiteral("samplePercent"));
    m_percent->setRange(0.01, 100.0);
    m_percent->setDecimals(2);
    m_percent->setSuffix(QStringLiteral(" %"));
    m_percent->setValue(10.0);
    form->addRow(tr("&Share of prompts:"), m_percent);
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("samplePer"));
    m_period->addItem(tr("per user per week"), int(SampleParameters::Period::Week));
    m_period->addItem(tr("per user per month"), int(SampleParameters::Period::Month));
    form->addRow(tr("&For each:"), m_period);
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("sampleFrom"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("sampleTo"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    const QDate today = QDate::currentDate();
    setPeriod(QDate(today.year(), today.month(), 1).addMonths(-1), QDate(today.year(), today.month(), 1).addDays(-1));
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    range->addStretch(1);
    auto *periodLabel = new QLabel(tr("&Period (UTC days):"), this);
    periodLabel->setBuddy(m_from);
    form->addRow(periodLabel, range);
    m_seed = new QLineEdit(this);
    m_seed->setObjectName(QStringLiteral("sampleSeed"));
    m_seed->setPlaceholderText(tr("random"));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,16}")), m_seed));
    m_seed->setToolTip(tr("Leave empty for a new random seed. Enter a recorded seed to draw a sample again."));
    form->addRow(tr("S&eed:"), m_seed);
    m_includeSampled = new QCheckBox(tr("Also pick prompts that an earlier sample already picked"), this);
    m_includeSampled->setObjectName(QStringLiteral("sampleIncludeSampled"));
    form->addRow(QString(), m_includeSampled);
    m_onlyScope = new QCheckBox(this);
    m_onlyScope->setObjectName(QStringLiteral("sampleOnlyScope"));
    m_onlyScope->hide();
    form->addRow(QString(), m_onlyScope);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sampleError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Draw sample"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SampleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SampleDialog::reject);
    layout->addWidget(buttons);
}

void SampleDialog::setPeriod(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void SampleDialog::setScopeUsers(const QStringList &userIds, const QString &label)
{
    m_scopeUsers = userIds;
    m_onlyScope->setVisible(!userIds.isEmpty());
    m_onlyScope->setText(tr("Only the users of the filter (%1)").arg(label));
    m_onlyScope->setChecked(false);
}

void SampleDialog::setPercent(double percent) { m_percent->setValue(percent); }
void SampleDialog::setSeedText(const QString &seed) { m_seed->setText(seed); }
void SampleDialog::setPerMonth(bool month) { m_period->setCurrentIndex(month ? 1 : 0); }
void SampleDialog::setIncludeSampled(bool on) { m_includeSampled->setChecked(on); }

std::optional<ledger::SampleParameters> SampleDialog::parameters(QString *error) const
{
    SampleParameters p;
    p.percentHundredths = int(std::lround(m_percent->value() * 100.0));
    p.period = SampleParameters::Period(m_period->currentData().toInt());
    p.from = m_from->date();
    p.to = m_to->date();
    p.includeSampled = m_includeSampled->isChecked();
    if (m_onlyScope->isVisible() && m_onlyScope->isChecked())
        p.userIds = m_scopeUsers;
    const QString seed = m_seed->text().trimmed();
    if (seed.isEmpty()) {
        if (!m_randomSeed)
            m_randomSeed = ReviewSampling::randomSeed();
        p.seed = *m_randomSeed;
    } else {
        bool ok = false;
        p.seed = seed.toLongLong(&ok);
        if (!ok || p.seed > SampleParameters::kMaxSeed) {
            if (error)
                *error = tr("The seed must be a whole number from 0 to %1.").arg(SampleParameters::kMaxSeed);
            return std::nullopt;
        }
    }
    if (p.to < p.from) {
        if (error)
            *error = tr("The period's last day is before its first day.");
        return std::nullopt;
    }
    if (const QString problem = p.validate(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return p;
}

void SampleDialog::accept()
{
    QString error;
    if (!parameters(&error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace ledger::gui
