#include "ui/filter/SearchHelp.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ledger::gui {

SearchHelp::SearchHelp(QWidget *parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("searchHelp"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(helpText(), this);
    label->setObjectName(QStringLiteral("searchHelpText"));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setMinimumWidth(380);
    layout->addWidget(label);
}

QString SearchHelp::helpText()
{
    return tr("<b>Searching prompts and responses</b>"
              "<table cellspacing='4'>"
              "<tr><td><code>budget report</code></td><td>both words (every word must occur)</td></tr>"
              "<tr><td><code>budget OR forecast</code></td><td>either word (OR in capitals; "
              "<code>a b OR c</code> means a and (b or c))</td></tr>"
              "<tr><td><code>\"annual report\"</code></td><td>these words in this order</td></tr>"
              "<tr><td><code>-draft</code></td><td>without this word (or <code>-\"a phrase\"</code>)</td></tr>"
              "<tr><td><code>budg*</code></td><td>any word starting with <i>budg</i></td></tr>"
              "</table>"
              "Words match whole words, ignoring letter case and accents. "
              "Other characters are not operators: <code>e-mail</code> finds <i>e</i> and <i>mail</i>.");
}

void SearchHelp::showBelow(QWidget *anchor)
{
    adjustSize();
    move(anchor->mapToGlobal(QPoint(0, anchor->height())));
    show();
}

QString detectorLabel(const QString &d)
{
    if (d == u"credit_card") return SearchHelp::tr("Card numbers");
    if (d == u"iban") return SearchHelp::tr("IBANs");
    if (d == u"us_ssn") return SearchHelp::tr("US Social Security numbers");
    if (d == u"uk_nino") return SearchHelp::tr("UK National Insurance numbers");
    if (d == u"de_tax_id") return SearchHelp::tr("German tax IDs");
    if (d == u"private_key") return SearchHelp::tr("Private keys");
    if (d == u"aws_access_key") return SearchHelp::tr("AWS access keys");
    if (d == u"github_token") return SearchHelp::tr("GitHub tokens");
    if (d == u"slack_token") return SearchHelp::tr("Slack tokens");
    if (d == u"azure_storage_key") return SearchHelp::tr("Azure storage keys");
    if (d == u"jwt") return SearchHelp::tr("JSON Web Tokens");
    if (d == u"password") return SearchHelp::tr("Passwords");
    return d;
}

} // namespace ledger::gui
