#pragma once
// "Draw sample…": N % of the turns of every user per week or month over a period, with a seed
// (blank = a random one, recorded either way) — review/ReviewSampling.h has the rules.
#include "app/review/ReviewSampling.h"
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace ledger::gui {

class SampleDialog : public QDialog {
    Q_OBJECT
public:
    explicit SampleDialog(QWidget *parent = nullptr);

    void setPeriod(const QDate &from, const QDate &to);
    // The users of the window's user filter (empty = none): offered as "only these users".
    void setScopeUsers(const QStringList &userIds, const QString &label);
    void setPercent(double percent);
    void setSeedText(const QString &seed);        // "" = random
    void setPerMonth(bool month);
    void setIncludeSampled(bool on);

    // The parameters as entered; a blank seed becomes a random one. nullopt (and *error) when
    // something is not usable.
    std::optional<ledger::SampleParameters> parameters(QString *error = nullptr) const;

    void accept() override;

private:
    QDoubleSpinBox *m_percent;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_seed;
    QCheckBox *m_includeSampled;
    QCheckBox *m_onlyScope;
    QLabel *m_error;
    QStringList m_scopeUsers;
    mutable std::optional<qint64> m_randomSeed;   // one per dialog: parameters() twice agree
};

} // namespace ledger::gui
