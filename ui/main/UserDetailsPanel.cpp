#include "ui/main/UserDetailsPanel.h"

#include "ui/common/TimeFormat.h"
#include "ui/models/UserStatusText.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace ledger::gui {

namespace {
QLabel *wrapped(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

UserDetailsPanel::UserDetailsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("userDetails"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 12, 12, 12);
    m_placeholder = new QLabel(tr("Select a user to see who they are and what the last sync found."), this);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(m_placeholder, 1);

    m_content = new QWidget(this);
    auto *v = new QVBoxLayout(m_content);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(8);
    m_name = wrapped(m_content);
    QFont f = m_name->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setWeight(QFont::DemiBold);
    m_name->setFont(f);
    m_identity = wrapped(m_content);
    m_identity->setForegroundRole(QPalette::PlaceholderText);
    m_status = wrapped(m_content);
    m_status->setObjectName(QStringLiteral("userStatusSentence"));
    m_activity = wrapped(m_content);
    m_detail = wrapped(m_content);
    m_detail->setObjectName(QStringLiteral("userStatusDetail"));
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    for (QLabel *l : {m_name, m_identity, m_status, m_activity, m_detail})
        v->addWidget(l);
    v->addStretch(1);
    outer->addWidget(m_content, 1);
    clear();
}

void UserDetailsPanel::clear()
{
    m_content->hide();
    m_placeholder->show();
}

void UserDetailsPanel::showUser(const ledger::UserRow &row, bool nameShared)
{
    const User &u = row.user;
    const QLocale loc;
    m_name->setText(nameShared && !u.userPrincipalName.isEmpty()
                        ? tr("%1 (%2)").arg(u.displayName, u.userPrincipalName)
                        : (u.displayName.isEmpty() ? u.userPrincipalName : u.displayName));
    QStringList who{u.userPrincipalName};
    if (!u.department.isEmpty())
        who << u.department;
    if (!u.jobTitle.isEmpty())
        who << u.jobTitle;
    if (!u.accountEnabled)
        who << tr("account disabled");
    who.removeAll(QString());
    m_identity->setText(who.join(QStringLiteral(" · ")));
    m_status->setText(userStatusSentence(row.status));
    m_activity->setText(row.interactionCount > 0
                            ? tr("%1 interactions in %2 sessions, last on %3")
                                  .arg(loc.toString(row.interactionCount), loc.toString(row.sessionCount),
                                       displayTime(row.lastActivity, showUtcSetting()))
                            : tr("No Copilot interactions in the archive for the current dates and apps."));
    // The technical detail second: what Microsoft Graph answered, with its request-id.
    m_detail->setText(row.statusError.isEmpty() ? QString() : tr("Technical detail: %1").arg(row.statusError));
    m_detail->setVisible(!row.statusError.isEmpty());
    m_placeholder->hide();
    m_content->show();
}

} // namespace ledger::gui
