#pragma once
// The live checklist of a "Test connection" run: one row per ConnectionCheck
// step with a state icon, title and plain summary; an overall sentence; technical details behind
// a "Details" expander; "Copy support details" on failure.
#include "app/check/ConnectionCheck.h"
#include <QList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace ledger::gui {

class CheckListWidget : public QWidget {
    Q_OBJECT
public:
    explicit CheckListWidget(QWidget *parent = nullptr);

    void reset(const QString &runningText = {});
    void setStep(int index, const ledger::CheckStep &step);
    void setFinished(bool passed, const QString &supportDetails);
    void setMessage(const QString &plain, bool isError);   // e.g. "Type the secret first"

    const QList<ledger::CheckStep> &steps() const { return m_steps; }
    QString summaryText() const;
    QString detailsText() const;
    QString supportDetails() const { return m_support; }
    bool isFinished() const { return m_finished; }
    bool passed() const { return m_passed; }

    static QString stateIconName(ledger::CheckStep::State state);
    static QString stateText(ledger::CheckStep::State state);

signals:
    void supportDetailsCopied();

private:
    struct Row {
        QLabel *icon, *title, *summary;
    };
    void rebuildDetails();

    QVBoxLayout *m_rowsLayout;
    QList<Row> m_rows;
    QList<ledger::CheckStep> m_steps;
    QLabel *m_summary;
    QToolButton *m_detailsToggle;
    QPlainTextEdit *m_details;
    QPushButton *m_copySupport;
    QString m_support;
    bool m_finished = false;
    bool m_passed = false;
};

} // namespace ledger::gui
