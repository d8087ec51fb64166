#include "ui/conversation/SafeTextBrowser.h"

#include <QAbstractTextDocumentLayout>
#include <QHelpEvent>
#include <QScrollBar>
#include <QToolTip>

namespace ledger::gui {

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setAcceptDrops(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
}

QVariant SafeTextBrowser::loadResource(int, const QUrl &)
{
    ++m_blocked;
    return {};
}

void SafeTextBrowser::doSetSource(const QUrl &, QTextDocument::ResourceType)
{
    // Never navigate: the content is set by the owner from escaped plain text only.
}

QString SafeTextBrowser::toolTipAt(const QPoint &viewportPos) const
{
    const QPointF docPos(viewportPos.x() + horizontalScrollBar()->value(),
                         viewportPos.y() + verticalScrollBar()->value());
    const QTextFormat format = document()->documentLayout()->formatAt(docPos);
    if (!format.isValid())
        return {};
    const QTextCharFormat cf = format.toCharFormat();
    if (!cf.toolTip().isEmpty())
        return cf.toolTip();
    if (cf.isAnchor() && !cf.anchorHref().isEmpty())
        return cf.anchorHref();
    return {};
}

bool SafeTextBrowser::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            // Escaped and wrapped: a hostile URL must never be taken for rich text by the tooltip.
            QToolTip::showText(help->globalPos(),
                               QStringLiteral("<p style='white-space:pre-wrap'>") + tip.toHtmlEscaped()
                                   + QStringLiteral("</p>"),
                               viewport());
        return true;
    }
    return QTextBrowser::viewportEvent(event);
}

} // namespace ledger::gui
