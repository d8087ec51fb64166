#pragma once
// The right-hand pane of the Users tab: who the selected user is and what the last sync found,
// in plain words first (userStatusSentence), the technical detail (HTTP status, request-id) below.
#include "app/archive/ArchiveTypes.h"
#include <QWidget>

class QLabel;

namespace ledger::gui {

class UserDetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit UserDetailsPanel(QWidget *parent = nullptr);
    void showUser(const ledger::UserRow &row, bool nameShared);
    void clear();

private:
    QLabel *m_placeholder;
    QWidget *m_content;
    QLabel *m_name;
    QLabel *m_identity;
    QLabel *m_status;
    QLabel *m_activity;
    QLabel *m_detail;
};

} // namespace ledger::gui
