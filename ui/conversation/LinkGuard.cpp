#include "ui/conversation/LinkGuard.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace ledger::gui {

LinkGuard::LinkGuard(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{
}

bool LinkGuard::isAllowed(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    return scheme == "https"_L1 || scheme == "http"_L1;
}

QString LinkGuard::displayUrl(const QUrl &url)
{
    return url.toString(QUrl::FullyEncoded);
}

LinkGuard::Result LinkGuard::activate(const QUrl &url)
{
    if (!isAllowed(url)) {
        const QString shown = url.toString(QUrl::FullyEncoded).left(300);
        const QString message = tr("This link was not opened. Only web links (http and https) can be opened "
                                   "from a conversation; this one uses \"%1:\".")
                                    .arg(url.scheme().isEmpty() ? tr("no scheme") : url.scheme().left(40));
        emit linkRefused(url);
        if (m_notice) {
            m_notice(url, message);
        } else {
            QMessageBox box(QMessageBox::Warning, tr("Link not opened"), message, QMessageBox::Ok, m_dialogParent);
            box.setTextFormat(Qt::PlainText);
            box.setInformativeText(shown);
            box.exec();
        }
        return Result::Refused;
    }

    const QString shown = displayUrl(url);
    bool confirmed = false;
    if (m_confirm) {
        confirmed = m_confirm(url, shown);
    } else {
        QMessageBox box(QMessageBox::Question, tr("Open link?"),
                        tr("Open this link in your web browser?"), QMessageBox::NoButton, m_dialogParent);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(tr("Host: %1\n\nFull address:\n%2").arg(url.host(QUrl::FullyEncoded), shown));
        QPushButton *open = box.addButton(tr("Open Link"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        confirmed = box.clickedButton() == open;
    }
    if (!confirmed)
        return Result::Declined;

    const bool ok = m_open ? m_open(url) : QDesktopServices::openUrl(url);
    if (ok)
        emit linkOpened(url);
    return ok ? Result::Opened : Result::Failed;
}

} // namespace ledger::gui
