#pragma once
// The steps an administrator follows, in the words of the Azure portal, with the two permission names
// copyable with one click each.
#include <QWidget>

namespace ledger::gui {

class SetupGuidePanel : public QWidget {
    Q_OBJECT
public:
    explicit SetupGuidePanel(QWidget *parent = nullptr);
    static QStringList permissionNames();   // AiEnterpriseInteraction.Read.All, User.Read.All

signals:
    void copied(const QString &text);
};

} // namespace ledger::gui
