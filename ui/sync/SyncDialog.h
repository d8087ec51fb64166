#pragma once
// "Sync" options: date range, apps, incremental (default) or full.
#include "app/sync/SyncEngine.h"
#include <QDialog>

class QCheckBox;
class QDateEdit;
class QListWidget;
class QRadioButton;

namespace ledger::gui {

class SyncDialog : public QDialog {
    Q_OBJECT
public:
    explicit SyncDialog(QWidget *parent = nullptr);
    ledger::SyncOptions options() const;
    void setOptions(const ledger::SyncOptions &options);

private:
    QCheckBox *m_limitRange;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QListWidget *m_apps;
    QRadioButton *m_incremental;
    QRadioButton *m_full;
    QCheckBox *m_probeUnlicensed;
    QCheckBox *m_includeDeleted;
};

} // namespace ledger::gui
