#pragma once
// A read-only QTextBrowser that can never load anything: loadResource() answers nothing for every
// URL (and counts the attempts), navigation is disabled (links only emit anchorClicked), and the
// document is built by the caller from plain text. Tooltips come from the character formats
// (e.g. the UTC time on a local time).
#include <QTextBrowser>

namespace ledger::gui {

class SafeTextBrowser : public QTextBrowser {
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    QVariant loadResource(int type, const QUrl &name) override;
    int blockedResourceRequests() const { return m_blocked; }

    // The tooltip shown at a viewport position ("" if none): the format's tooltip, or the link.
    QString toolTipAt(const QPoint &viewportPos) const;

protected:
    void doSetSource(const QUrl &name, QTextDocument::ResourceType type) override;
    bool viewportEvent(QEvent *event) override;

private:
    int m_blocked = 0;
};

} // namespace ledger::gui
