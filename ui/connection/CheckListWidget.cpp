#include "ui/connection/CheckListWidget.h"

#include "ui/common/Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ledger::gui {

CheckListWidget::CheckListWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("checkList"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("checkSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setSpacing(4);
    layout->addLayout(m_rowsLayout);

    auto *buttons = new QHBoxLayout;
    m_detailsToggle = new QToolButton(this);
    m_detailsToggle->setObjectName(QStringLiteral("checkDetailsToggle"));
    m_detailsToggle->setText(tr("Details"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setAutoRaise(true);
    buttons->addWidget(m_detailsToggle);
    buttons->addStretch(1);
    m_copySupport = new QPushButton(themedIcon(QStringLiteral("copy")), tr("Copy support details"), this);
    m_copySupport->setObjectName(QStringLiteral("copySupportDetails"));
    m_copySupport->setToolTip(tr("Request IDs, date, tenant and app IDs for Microsoft support. Never the secret."));
    m_copySupport->hide();
    buttons->addWidget(m_copySupport);
    layout->addLayout(buttons);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("checkDetails"));
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(160);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->hide();
    layout->addWidget(m_details);

    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_copySupport, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_support);
        m_copySupport->setText(tr("Copied"));
        emit supportDetailsCopied();
    });
    reset();
}

QString CheckListWidget::stateIconName(ledger::CheckStep::State state)
{
    switch (state) {
    case CheckStep::Pending: return QStringLiteral("state-pending");
    case CheckStep::Running: return QStringLiteral("state-running");
    case CheckStep::Passed: return QStringLiteral("state-passed");
    case CheckStep::Warning: return QStringLiteral("state-warning");
    case CheckStep::Failed: return QStringLiteral("state-failed");
    case CheckStep::Skipped: return QStringLiteral("state-skipped");
    }
    return QStringLiteral("state-pending");
}

QString CheckListWidget::stateText(ledger::CheckStep::State state)
{
    switch (state) {
    case CheckStep::Pending: return tr("waiting");
    case CheckStep::Running: return tr("running");
    case CheckStep::Passed: return tr("passed");
    case CheckStep::Warning: return tr("warning");
    case CheckStep::Failed: return tr("failed");
    case CheckStep::Skipped: return tr("skipped");
    }
    return {};
}

void CheckListWidget::reset(const QString &runningText)
{
    for (const Row &r : std::as_const(m_rows)) {
        delete r.icon;
        delete r.title;
        delete r.summary;
    }
    while (QLayoutItem *item = m_rowsLayout->takeAt(0))
        delete item;   // the row's grid layout itself (its widgets were deleted above)
    m_rows.clear();
    m_steps.clear();
    m_support.clear();
    m_finished = false;
    m_passed = false;
    m_copySupport->hide();
    m_copySupport->setText(tr("Copy support details"));
    m_summary->setText(runningText);
    m_summary->setVisible(!runningText.isEmpty());
    m_detailsToggle->setVisible(false);
    m_detailsToggle->setChecked(false);
    m_details->clear();
}

void CheckListWidget::setStep(int index, const ledger::CheckStep &step)
{
    if (index < 0)
        return;
    while (m_rows.size() <= index) {
        auto *grid = new QGridLayout;
        grid->setHorizontalSpacing(8);
        grid->setVerticalSpacing(0);
        Row r{new QLabel(this), new QLabel(this), new QLabel(this)};
        r.icon->setFixedSize(18, 18);
        r.summary->setWordWrap(true);
        r.summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = r.title->font();
        bold.setBold(true);
        r.title->setFont(bold);
        grid->addWidget(r.icon, 0, 0, Qt::AlignTop);
        grid->addWidget(r.title, 0, 1);
        grid->addWidget(r.summary, 1, 1);
        grid->setColumnStretch(1, 1);
        m_rowsLayout->addLayout(grid);
        m_rows.append(r);
        m_steps.append(CheckStep{});
    }
    m_steps[index] = step;
    const Row &r = m_rows.at(index);
    r.icon->setPixmap(themedIcon(stateIconName(step.state)).pixmap(18, 18));
    r.icon->setAccessibleName(stateText(step.state));
    r.icon->setToolTip(stateText(step.state));
    r.title->setText(step.title);
    r.summary->setText(step.summary);
    r.summary->setVisible(!step.summary.isEmpty());
    r.title->setEnabled(step.state != CheckStep::Pending && step.state != CheckStep::Skipped);
    rebuildDetails();
}

void CheckListWidget::setFinished(bool passed, const QString &supportDetails)
{
    m_finished = true;
    m_passed = passed;
    m_support = supportDetails;
    int warnings = 0;
    QString firstFailure;
    for (const CheckStep &s : std::as_const(m_steps)) {
        if (s.state == CheckStep::Warning)
            ++warnings;
        if (s.state == CheckStep::Failed && firstFailure.isEmpty())
            firstFailure = s.summary.isEmpty() ? s.title : s.summary;
    }
    if (passed && warnings == 0)
        m_summary->setText(tr("All checks passed: this connection can read Copilot interaction history."));
    else if (passed)
        m_summary->setText(tr("The connection works, with %n warning(s) below.", nullptr, warnings));
    else
        m_summary->setText(firstFailure.isEmpty() ? tr("The connection test failed.")
                                                  : tr("The connection test failed: %1").arg(firstFailure));
    m_summary->show();
    m_copySupport->setVisible(!passed && !supportDetails.isEmpty());
    rebuildDetails();
}

void CheckListWidget::setMessage(const QString &plain, bool isError)
{
    reset();
    m_summary->setText(plain);
    m_summary->setProperty("error", isError);
    m_summary->show();
}

QString CheckListWidget::summaryText() const
{
    return m_summary->text();
}

QString CheckListWidget::detailsText() const
{
    return m_details->toPlainText();
}

void CheckListWidget::rebuildDetails()
{
    QStringList lines;
    for (const CheckStep &s : std::as_const(m_steps)) {
        lines << QStringLiteral("[%1] %2").arg(stateText(s.state), s.title);
        if (!s.summary.isEmpty())
            lines << QStringLiteral("    ") + s.summary;
        if (!s.details.isEmpty()) {
            for (const QString &l : s.details.split(QLatin1Char('\n')))
                lines << QStringLiteral("    ") + l;
        }
    }
    if (!m_support.isEmpty() && m_finished && !m_passed)
        lines << QString() << tr("Support details:") << m_support;
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
    m_detailsToggle->setVisible(!m_steps.isEmpty());
}

} // namespace ledger::gui
