#pragma once
// The status bar part that shows a running sync: a progress bar (users done / total) and a line
// with interactions, requests/s, 429s and the time left.
#include "app/sync/SyncEngine.h"
#include <QWidget>

class QLabel;
class QProgressBar;

namespace ledger::gui {

class SyncStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);
    void start();
    void setProgress(const ledger::SyncProgress &p);
    void finish();
    QString text() const;
    static QString describe(const ledger::SyncProgress &p);

private:
    QProgressBar *m_bar;
    QLabel *m_label;
};

} // namespace ledger::gui
