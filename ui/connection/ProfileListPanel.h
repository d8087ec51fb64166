#pragma once
// The saved connection profiles with Add, Rename and Delete (a profile is deleted through the
// core's ProfileService, which closes its archives first and reports every failure). Which
// profile is edited is the ConnectionDialog's business: this panel only says what was chosen.
#include <QWidget>

class QListWidget;
class QPushButton;

namespace ledger {
class ProfileService;
struct ProfileRemoval;
}

namespace ledger::gui {

class ProfileListPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProfileListPanel(ledger::ProfileService *service, QWidget *parent = nullptr);

    // Lists the saved profiles again and marks `currentId` (empty: none is marked, and Rename
    // and Delete are off).
    void reload(const QString &currentId);
    QString currentId() const { return m_current; }
    QString firstId() const;   // empty when no profile is saved
    QListWidget *list() const { return m_list; }

signals:
    void profileChosen(const QString &id);
    void addRequested();
    void renamed(const QString &id, const QString &name);

private:
    void renameCurrent();
    void deleteCurrent();
    void deleted(const ledger::ProfileRemoval &result);

    ledger::ProfileService *m_service;
    QString m_current;
    QListWidget *m_list;
    QPushButton *m_add, *m_rename, *m_delete;
};

} // namespace ledger::gui
