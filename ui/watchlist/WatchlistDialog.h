#pragma once
// Manage the profile's watchlists: a list of named lists on the left, the terms of the selected
// one on the right (one term or phrase a line, # comments, word* prefixes). Saving checks every
// list (a bad line is named and nothing is saved).
#include "app/detect/Watchlist.h"
#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace ledger::gui {

class WatchlistDialog : public QDialog {
    Q_OBJECT
public:
    explicit WatchlistDialog(const QList<ledger::detect::Watchlist> &lists, QWidget *parent = nullptr);
    // The lists as edited; valid after accept().
    QList<ledger::detect::Watchlist> watchlists() const { return m_result; }

    // For tests: add a list with this name and text.
    void addList(const QString &name, const QString &text);
    QString errorText() const;

public slots:
    void accept() override;

private:
    void storeCurrent();
    void showCurrent();
    struct Entry {
        QString name, text;
    };
    QList<Entry> m_entries;
    int m_current = -1;
    QListWidget *m_names;
    QPlainTextEdit *m_text;
    QLabel *m_error;
    QList<ledger::detect::Watchlist> m_result;
};

} // namespace ledger::gui
