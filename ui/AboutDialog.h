#pragma once
// About Copilot Ledger: version, Qt (run time and build time), QtKeychain,
// SQLite, licence, third-party notices and the data folder; "Copy Details" for support requests.
#include <QDialog>

namespace ledger::gui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The facts shown, one "Label: value" per line (what "Copy Details" puts on the clipboard).
    QString detailsText() const;
    static QString thirdPartyNotices();

private:
    QString m_details;
};

} // namespace ledger::gui
