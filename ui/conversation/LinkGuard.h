#pragma once
// Opening links found in conversations: only http(s) URLs, and only after the user confirmed a
// dialog that shows the full URL (a body must never make the app fetch or open anything unasked). Every other scheme (javascript:, data:,
// file:, mailto:, custom handlers, relative URLs) is refused without asking.
// Seams for tests: the confirmation, the refusal notice and the actual opening can be replaced.
#include <QObject>
#include <QUrl>
#include <functional>

class QWidget;

namespace ledger::gui {

class LinkGuard : public QObject {
    Q_OBJECT
public:
    enum class Result { Refused, Declined, Opened, Failed };

    explicit LinkGuard(QWidget *dialogParent, QObject *parent = nullptr);

    // http/https with a host, nothing else.
    static bool isAllowed(const QUrl &url);
    // The URL as the confirmation dialog shows it: fully encoded (punycode host, %-escapes), so
    // look-alike characters cannot hide where the link goes.
    static QString displayUrl(const QUrl &url);

    Result activate(const QUrl &url);

    using ConfirmHook = std::function<bool(const QUrl &url, const QString &shownText)>;
    using NoticeHook = std::function<void(const QUrl &url, const QString &message)>;
    using OpenHook = std::function<bool(const QUrl &url)>;
    void setConfirmHook(ConfirmHook hook) { m_confirm = std::move(hook); }
    void setNoticeHook(NoticeHook hook) { m_notice = std::move(hook); }
    void setOpenHook(OpenHook hook) { m_open = std::move(hook); }

signals:
    void linkRefused(const QUrl &url);
    void linkOpened(const QUrl &url);

private:
    QWidget *m_dialogParent;
    ConfirmHook m_confirm;
    NoticeHook m_notice;
    OpenHook m_open;
};

} // namespace ledger::gui
