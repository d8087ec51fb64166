#include "ui/watchlist/WatchlistDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ledger::gui {

WatchlistDialog::WatchlistDialog(const QList<ledger::detect::Watchlist> &lists, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Watchlists"));
    setObjectName(QStringLiteral("watchlistDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Terms and phrases to find in prompts and responses: one a line, "
                                "<code>#</code> starts a comment line, <code>word*</code> finds any word starting "
                                "with <i>word</i>. Whole words; letter case and accents are ignored."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_names = new QListWidget(this);
    m_names->setObjectName(QStringLiteral("watchlistNames"));
    m_names->setMaximumWidth(220);
    left->addWidget(m_names);
    auto *add = new QPushButton(tr("Add…"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    add->setObjectName(QStringLiteral("watchlistAdd"));
    remove->setObjectName(QStringLiteral("watchlistRemove"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    left->addLayout(buttons);
    row->addLayout(left);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("watchlistText"));
    m_text->setPlaceholderText(tr("Project Falcon\nContoso\nconfidential*"));
    row->addWidget(m_text, 1);
    layout->addLayout(row, 1);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("watchlistError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &WatchlistDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (const ledger::detect::Watchlist &w : lists)
        m_entries << Entry{w.name(), w.source()};
    for (const Entry &e : std::as_const(m_entries))
        m_names->addItem(e.name);
    connect(m_names, &QListWidget::currentRowChanged, this, [this](int row) {
        storeCurrent();
        m_current = row;
        showCurrent();
    });
    connect(add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("New watchlist"), tr("Name:"), QLineEdit::Normal, QString(), &ok).trimmed();
        if (ok && !name.isEmpty())
            addList(name, QString());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_names->currentRow();
        if (row < 0)
            return;
        m_current = -1;
        m_entries.removeAt(row);
        delete m_names->takeItem(row);
    });
    if (!m_entries.isEmpty())
        m_names->setCurrentRow(0);
    else
        showCurrent();
    resize(720, 460);
}

void WatchlistDialog::addList(const QString &name, const QString &text)
{
    storeCurrent();
    m_entries << Entry{name, text};
    m_names->addItem(name);
    m_names->setCurrentRow(m_names->count() - 1);
}

QString WatchlistDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void WatchlistDialog::storeCurrent()
{
    if (m_current >= 0 && m_current < m_entries.size())
        m_entries[m_current].text = m_text->toPlainText();
}

void WatchlistDialog::showCurrent()
{
    const bool has = m_current >= 0 && m_current < m_entries.size();
    m_text->setEnabled(has);
    m_text->setPlainText(has ? m_entries.at(m_current).text : QString());
}

void WatchlistDialog::accept()
{
    storeCurrent();
    QList<ledger::detect::Watchlist> out;
    QStringList seen;
    for (const Entry &e : std::as_const(m_entries)) {
        if (seen.contains(e.name, Qt::CaseInsensitive)) {
            m_error->setText(tr("Two watchlists are named \"%1\": rename one.").arg(e.name));
            m_error->show();
            return;
        }
        seen << e.name;
        ledger::detect::Watchlist w;
        QString why;
        if (!ledger::detect::Watchlist::parse(e.name, e.text, &w, &why)) {
            m_error->setText(tr("Watchlist \"%1\", %2").arg(e.name, why));
            m_error->show();
            return;
        }
        out << w;
    }
    m_result = out;
    QDialog::accept();
}

} // namespace ledger::gui
