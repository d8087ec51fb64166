#pragma once
// First run: connect to your tenant, or explore the built-in demo tenant.
#include <QWidget>

class QPushButton;

namespace ledger::gui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *demoButton() const { return m_demo; }

signals:
    void connectRequested();
    void demoRequested();

private:
    QPushButton *m_connect;
    QPushButton *m_demo;
};

} // namespace ledger::gui
