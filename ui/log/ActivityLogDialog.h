#pragma once
// Help → Activity log: the archive's activity log in a filterable table (text, date range,
// action), verified when the dialog opens; a failed verification is said in a banner above the
// table and the entry is marked (docs/USER-GUIDE.md "Activity log"). Reads through
// archive/ActivityLog (no SQL here).
#include "app/archive/ActivityLog.h"
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QTableView;

namespace ledger {
class Archive;
}

namespace ledger::gui {

class ActivityLogFilterModel;

class ActivityLogDialog : public QDialog {
    Q_OBJECT
public:
    explicit ActivityLogDialog(const ledger::Archive &archive, QWidget *parent = nullptr);

    // For tests and for the window: what the dialog found.
    const ledger::ActivityVerification &verification() const { return m_verification; }
    int visibleRows() const;
    static QString actionName(const QString &kind);   // "review.status" → "Review status"

private:
    void load(const ledger::Archive &archive);
    void applyFilter();

    ledger::ActivityVerification m_verification;
    QLabel *m_banner = nullptr;
    QLabel *m_count = nullptr;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_useFrom = nullptr, *m_useTo = nullptr;
    QDateEdit *m_from = nullptr, *m_to = nullptr;
    QComboBox *m_action = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_model = nullptr;
    ActivityLogFilterModel *m_filter = nullptr;
};

} // namespace ledger::gui
